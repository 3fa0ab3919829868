import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putInRootfs } from '../../../suites/filesystem/_lib/write.js';
import { hostMountHolding, hostMountsBelow } from '../../../suites/filesystem/_lib/mounts.js';

let dir: string;
beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'h8-write-'))));
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('putInRootfs', () => {
  it('writes at the container path below <bundle>/rootfs, making directories', async () => {
    const p = await putInRootfs(dir, '/etc/a/b', 'x\n');
    expect(p).toBe(join(dir, 'rootfs', 'etc', 'a', 'b'));
    expect(await readFile(p, 'utf8')).toBe('x\n');
  });

  it('refuses a path that climbs out of the rootfs', async () => {
    await expect(putInRootfs(dir, '/../../escape', 'x')).rejects.toThrow(/leaves the rootfs/);
  });
});

describe('host mount helpers', () => {
  it('finds the mount holding a path and none below a plain directory', async () => {
    const m = await hostMountHolding(dir);
    expect(m).toBeDefined();
    expect(dir.startsWith(m!.mountPoint)).toBe(true);
    expect(await hostMountsBelow(dir)).toEqual([]);
  });
});
