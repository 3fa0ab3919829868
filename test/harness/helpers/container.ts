/**
 * A real runc container for inspection tests: private --root, own temp dir,
 * cgroupsPath under a test-unique prefix. `stop()` deletes it and removes
 * everything it created (also when the test failed half-way).
 */
import { mkdtemp, readFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigBuilder } from '../../../fixtures/config.js';
import { buildRootfs } from '../../../fixtures/rootfs.js';
import { writeBundle } from '../../../fixtures/bundle.js';
import { RuntimeDriver } from '../../../harness/driver/driver.js';
import { profileFor } from '../../../harness/profiles/index.js';
import { detectCgroupLayout } from '../../../harness/inspect/cgroup-layout.js';
import { findRunCgroups, removeCgroupTree, removeTree } from '../../../harness/cleanup.js';
import type { CallRecord } from '../../../harness/driver/record.js';
import { waitForExec } from '../../../harness/context.js';

export const RUNC = '/usr/bin/runc';

export interface TestContainer {
  readonly id: string;
  readonly pid: number;
  readonly dir: string;
  readonly bundle: string;
  readonly prefix: string;
  readonly driver: RuntimeDriver;
  readonly calls: CallRecord[];
  stop(): Promise<void>;
}

export async function startContainer(configure: (c: ConfigBuilder) => ConfigBuilder = (c) => c): Promise<TestContainer> {
  const dir = await mkdtemp(join(tmpdir(), 'oci-conform-test-'));
  const tag = randomBytes(3).toString('hex');
  const id = `t${tag}`;
  const prefix = `oci-conform-test-${tag}`;
  const calls: CallRecord[] = [];
  const driver = new RuntimeDriver({ binary: RUNC, profile: profileFor(RUNC), stateRoot: join(dir, 'state'), timeoutMs: 30_000, onCall: (r) => calls.push(r) });
  const stop = async (): Promise<void> => {
    await driver.delete(id, { force: true });
    const layout = await detectCgroupLayout();
    for (const d of await findRunCgroups(prefix, layout)) await removeCgroupTree(d);
    await removeTree(dir);
  };
  try {
    await buildRootfs(join(dir, 'rootfs'));
    const config = configure(ConfigBuilder.base('1.0.2').withArgs('/bin/sleep', '600')).withCgroupsPath(`${prefix}/${id}`).build();
    const bundle = join(dir, 'bundle');
    await writeBundle(bundle, join(dir, 'rootfs'), config);
    const pidFile = join(dir, 'pid');
    const created = await driver.create(id, bundle, { pidFile, stdoutPath: join(dir, 'out'), stderrPath: join(dir, 'err') });
    if (created.exitCode !== 0) throw new Error(`runc create failed: ${created.stderr}`);
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    const initExe = await readlink(`/proc/${pid}/exe`);
    const started = await driver.start(id);
    if (started.exitCode !== 0) throw new Error(`runc start failed: ${started.stderr}`);
    await waitForExec(pid, initExe);
    return { id, pid, dir, bundle, prefix, driver, calls, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
