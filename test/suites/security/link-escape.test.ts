import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, realpath, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { escapingLink, hostTraces } from '../../../suites/security/_lib/link-escape.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'h10-link-'));
});
afterEach(async () => {
  await execa('umount', ['-l', join(dir, 'host', 'target')], { reject: false });
  await rm(dir, { recursive: true, force: true });
});

describe('escapingLink', () => {
  it.each(['absolute', 'relative'] as const)('the %s link, followed on the host, reaches the target outside the rootfs', async (kind) => {
    const linkDir = join(dir, 'bundle', 'rootfs', 'mnt');
    const target = join(dir, 'host', 'target');
    await mkdir(linkDir, { recursive: true });
    await mkdir(target, { recursive: true });
    const link = escapingLink(kind, linkDir, target);
    expect(link.startsWith('/')).toBe(kind === 'absolute');
    await symlink(link, join(linkDir, 'h10-link'));
    expect(await realpath(join(linkDir, 'h10-link'))).toBe(await realpath(target));
  });
});

describe('hostTraces', () => {
  it('is empty for an empty directory, names an entry a runtime created, and a mount on it', async () => {
    const host = join(dir, 'host');
    await mkdir(host);
    expect(await hostTraces(host)).toBe('');
    await mkdir(join(host, 'target'));
    expect(await hostTraces(host)).toBe(`${host} holds target`);
    const m = await execa('mount', ['-t', 'tmpfs', 'h10', join(host, 'target')], { reject: false });
    expect(m.exitCode, m.stderr).toBe(0);
    expect(await hostTraces(host)).toBe(`${host} holds target; host mounts at ${join(host, 'target')}`);
  });
});
