/** An execution environment over the real runc for harness tests that run cases without the CLI. */
import { join } from 'node:path';
import type { ExecEnv } from '../../../harness/execute.js';
import { buildRootfs } from '../../../fixtures/rootfs.js';
import { detectCgroupLayout } from '../../../harness/inspect/cgroup-layout.js';
import { probeConditions } from '../../../harness/probe.js';
import { Ledger } from '../../../harness/ledger.js';
import { profileByName } from '../../../harness/profiles/index.js';

/** Builds the rootfs in `dir` and a ledger, state root and cgroup prefix of run `runId`, all below `dir`. */
export async function runcExecEnv(dir: string, runId: string, timeoutMs: number): Promise<{ env: ExecEnv; ledger: Ledger }> {
  const layout = await detectCgroupLayout();
  await buildRootfs(join(dir, 'rootfs'));
  const ledger = new Ledger(
    { kind: 'run', runId, pid: process.pid, startedAt: '', binary: '/usr/bin/runc', profile: 'runc', globalArgs: [], stateRoot: join(dir, 'state'), runDir: dir, cgroupPrefix: `oci-conform-${runId}` },
    join(dir, 'ledger'),
  );
  const env: ExecEnv = {
    driver: { binary: '/usr/bin/runc', profile: profileByName('runc')!, stateRoot: join(dir, 'state'), timeoutMs: 30_000 },
    runDir: dir,
    rootfsTemplate: join(dir, 'rootfs'),
    specVersion: '1.0.1',
    configVersion: '1.0.2',
    host: { conditions: await probeConditions({ layout, features: { ok: true }, consoleSocket: true }), cgroups: layout },
    cgroupPrefix: `oci-conform-${runId}`,
    ledger,
    threshold: 'MUST',
    timeoutMs,
    runSignal: new AbortController().signal,
  };
  return { env, ledger };
}
