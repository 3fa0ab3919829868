/**
 * The security cases over the real runc (1.1.5 here, with its CVE-2024-21626
 * fix): each passes. The descriptor case fails for a runc wrapper that lets a
 * host directory through as fd 3 (`--preserve-fds 1`, the way a leaked handle
 * would reach the container), and the mount destination case for a wrapper
 * that, like a runtime resolving the destination on the host, creates the
 * link's target before runc runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { executeCase, type ExecEnv, type LoadedCase } from '../../../harness/execute.js';
import { findRunCgroups, removeCgroupTree, removeTree } from '../../../harness/cleanup.js';
import { RuntimeDriver } from '../../../harness/driver/driver.js';
import type { CaseDefinition, CaseResult } from '../../../harness/model.js';
import hostFd from '../../../suites/security/host-fd-not-inherited.case.js';
import cwdFd from '../../../suites/security/cwd-proc-self-fd.case.js';
import mountLink from '../../../suites/security/mount-destination-symlink-escape.case.js';
import runtimeBinary from '../../../suites/security/runtime-binary-not-writable.case.js';
import procLink from '../../../suites/security/proc-symlink-escape.case.js';
import sysLink from '../../../suites/security/sys-symlink-escape.case.js';
import { runcExecEnv } from '../../harness/helpers/runc-env.js';

let dir: string;
let base: ExecEnv;
let leaky: string;
let leaked: string;
let follower: string;
const runId = `us${randomBytes(3).toString('hex')}`;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-conform-security-'));
  ({ env: base } = await runcExecEnv(dir, runId, 25_000));
  leaked = join(dir, 'leaked-host-dir');
  await mkdir(leaked);
  leaky = join(dir, 'leaky-runtime');
  const script = [
    '#!/bin/bash',
    'args=()',
    'for a in "$@"; do args+=("$a"); [ "$a" = create ] && args+=(--preserve-fds 1); done',
    `exec 3<${JSON.stringify(leaked)}`,
    `exec ${base.driver.binary} "\${args[@]}"`,
    '',
  ].join('\n');
  await writeFile(leaky, script, { mode: 0o755 });
  follower = join(dir, 'link-following-runtime');
  const follow = [
    '#!/bin/bash',
    'bundle=; prev=',
    'for a in "$@"; do [ "$prev" = --bundle ] && bundle=$a; prev=$a; done',
    'l="$bundle/rootfs/mnt/h10-link"',
    '[ -n "$bundle" ] && [ -L "$l" ] && mkdir -p "$(readlink -m "$l")"',
    `exec ${base.driver.binary} "$@"`,
    '',
  ].join('\n');
  await writeFile(follower, follow, { mode: 0o755 });
});
afterAll(async () => {
  const state = await new RuntimeDriver({ ...base.driver }).call(['list', '-q']);
  expect(state.stdout.trim()).toBe('');
  for (const d of await findRunCgroups(base.cgroupPrefix, base.host.cgroups)) await removeCgroupTree(d);
  await removeTree(dir);
});

const run = async (d: CaseDefinition, binary?: string): Promise<CaseResult> =>
  executeCase({ definition: d, file: 'test' } as LoadedCase, `${runId}-${n++}`, binary ? { ...base, driver: { ...base.driver, binary } } : base);
const violationsOf = (r: CaseResult) => (r.outcome.status === 'fail' || r.outcome.status === 'warn' ? r.outcome.violations : []);

describe('the security cases over runc', () => {
  it.each([
    ['security.host-fd-not-inherited', hostFd],
    ['security.cwd-proc-self-fd', cwdFd],
    ['security.mount-destination-symlink-escape', mountLink],
    ['security.runtime-binary-not-writable', runtimeBinary],
    ['security.proc-symlink-escape', procLink],
    ['security.sys-symlink-escape', sysLink],
  ])('%s passes', async (_id, c) => {
    const r = await run(c);
    expect(r.outcome).toEqual({ status: 'pass' });
  });

  it("fails the descriptor case, naming fd 3 and the host directory, for a runtime that lets one of its descriptors through", async () => {
    const r = await run(hostFd, leaky);
    expect(r.outcome.status).toBe('fail');
    const v = violationsOf(r);
    expect(v.map((x) => x.requirement)).toEqual(['RTL-FDS-STDIO-ONLY']);
    expect(v[0]?.actual).toBe(`3 -> ${leaked}`);
  });

  it('fails the mount destination case, for both links, for a runtime that creates the destination through the link on the host', async () => {
    const r = await run(mountLink, follower);
    expect(r.outcome.status).toBe('fail');
    const v = violationsOf(r);
    expect(v.map((x) => x.requirement)).toEqual(Array(4).fill('CFG-MOUNT-DESTINATION-IN-CONTAINER'));
    expect(v.map((x) => x.message)).toEqual([
      expect.stringMatching(/^absolute link \/mnt\/h10-link: while the container runs, the host directory the link points to has \S+h10-host-mnt-absolute holds target$/),
      expect.stringMatching(/^absolute link \/mnt\/h10-link: after delete, .* holds target$/),
      expect.stringMatching(/^relative link \/mnt\/h10-link: while the container runs, .*h10-host-mnt-relative holds target$/),
      expect.stringMatching(/^relative link \/mnt\/h10-link: after delete, .* holds target$/),
    ]);
  });
});
