/**
 * oci-conform run by an unprivileged user against `runc --rootless true` (needs `npm run build` first, as
 * `npm test` does). As root, the test makes (once, and keeps: docs/CI.md, "Rootless") the account of
 * .ci/rootless-user and runs the CLI as that user through setpriv, which execs (no process in between, so a
 * SIGKILL reaches the run itself). It checks that the run gates green on ci/expectations/runc-rootless.yaml,
 * that cases needing what a user namespace can't give skip with the probe's reason, and that nothing is left:
 * no process of that user, no state root, no work dir, no ledger, no cgroup; also after a crash swept by
 * `oci-conform cleanup` run as that user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTree } from '../../harness/cleanup.js';
import { onPath } from '../../harness/discover.js';
import { killOnceCreated, leftovers, runCli, runInfoFromTap, type CliResult } from './conform/leftovers.js';

const REPO = join(import.meta.dirname, '..', '..');
const CASES = join(import.meta.dirname, 'conform', 'cases');
const RUNC = onPath('runc');
const SUBSET = ['lifecycle.**', 'process.**', 'linux.namespaces.**', 'filesystem.**'].flatMap((g) => ['--only', g]);

/** Why this host can't run the test, or undefined; makes the user when it can. */
function whyNot(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root, to make the unprivileged user and run as it';
  if (!RUNC) return 'needs runc on PATH';
  if (!existsSync(join(REPO, 'dist'))) return 'needs `npm run build` first';
  const max = Number(readFileSync('/proc/sys/user/max_user_namespaces', 'utf8').trim());
  if (max === 0) return 'user.max_user_namespaces is 0: no user namespaces';
  const mk = spawnSync('bash', [join(REPO, '.ci', 'rootless-user')], { encoding: 'utf8' });
  if (mk.status !== 0) return `.ci/rootless-user failed: ${mk.stderr.trim()}`;
  const trial = spawnSync('runuser', ['-u', mk.stdout.trim(), '--', 'unshare', '--user', '--map-root-user', 'true'], { encoding: 'utf8' });
  if (trial.status !== 0) return `an unprivileged user can't create a user namespace here (unshare --user: ${trial.stderr.trim()})`;
  return undefined;
}

const SKIP = whyNot();
const USER = SKIP ? '' : spawnSync('bash', [join(REPO, '.ci', 'rootless-user')], { encoding: 'utf8' }).stdout.trim();
const idOf = (flag: string): number => Number(spawnSync('id', [flag, USER], { encoding: 'utf8' }).stdout.trim());
const UID = SKIP ? -1 : idOf('-u');
const GID = SKIP ? -1 : idOf('-g');
/** .ci/rootless-user gives the user subordinate ids; with newuidmap/newgidmap (uidmap) containers map them from id 1. */
const SUBIDS = !SKIP && onPath('newuidmap') !== undefined && onPath('newgidmap') !== undefined;
const subRange = (file: string): { containerID: number; hostID: number; size: number } => {
  const [, start, count] = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(`${USER}:`))!.split(':');
  return { containerID: 1, hostID: Number(start), size: Number(count) };
};

let dir: string;
let env: NodeJS.ProcessEnv;

/** The CLI as the unprivileged user: setpriv execs node with that user's ids and no supplementary groups. */
function runAsUser(args: readonly string[], opts: { env?: NodeJS.ProcessEnv; onStdout?: (all: string, child: import('node:child_process').ChildProcess) => void } = {}): Promise<CliResult> {
  const prefix = ['setpriv', `--reuid=${UID}`, `--regid=${GID}`, '--clear-groups', '--'];
  return runCli(args, { ...opts, prefix, cwd: REPO, env: { HOME: dir, ...opts.env } });
}

/** Live processes of the dedicated user: any is a leftover of ours (nothing else runs as it). */
function processesOfUser(): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const uid = /^Uid:\s+(\d+)/m.exec(status)?.[1];
      if (Number(uid) === UID && !/^State:\s+Z/m.test(status)) out.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()}`);
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

beforeAll(async () => {
  if (SKIP) return;
  dir = await mkdtemp(join(tmpdir(), 'oci-conform-rootless-e2e-'));
  chownSync(dir, UID, GID);
  env = { OCI_CONFORM_LEDGER_DIR: join(dir, 'ledger'), OCI_CONFORM_ARTIFACTS_DIR: join(dir, 'artifacts'), NO_COLOR: '1' };
});
afterAll(async () => {
  if (!dir) return;
  // Whatever a failed test left (a crashed run's container) is swept as the user before the directory goes.
  await runAsUser(['cleanup'], { env });
  await removeTree(dir);
});

describe.skipIf(SKIP !== undefined)(`oci-conform as an unprivileged user against runc --rootless true${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  it('lifecycle, process, namespaces and filesystem cases gate green on the rootless baseline, skips say why, nothing is left', { timeout: 600_000 }, async () => {
    const json = join(dir, 'subset.json');
    const r = await runAsUser(['--runtime', RUNC!, ...SUBSET, '--expectations', 'ci/expectations/runc-rootless.yaml', '--reporter', `json=${json}`, '--reporter', 'console'], { env });
    expect(r.code, `${r.stdout.slice(-6000)}\n${r.stderr}`).toBe(0);
    // runc is driven in its rootless mode because the caller is not root (no --profile given)
    expect(r.stderr).toContain(`not root (uid ${UID}): driving ${RUNC} in its rootless mode (profile runc-rootless)`);
    const doc = JSON.parse(await readFile(json, 'utf8'));
    expect(doc.run.runtime.profile).toBe('runc-rootless');
    expect(doc.run.host.conditions.root).toEqual({ ok: false, reason: `not running as root (uid ${UID})` });
    expect(doc.run.host.conditions['cgroup-write'].ok).toBe(false);
    const counts = doc.summary.counts as Record<string, number>;
    expect(counts.error).toBe(0);
    expect(counts.pass).toBeGreaterThan(100);
    // every container ran in a user namespace whose root is the caller, through runc's rootless mode
    const results = doc.results as { id: string; outcome: { status: string; reason?: string; condition?: string }; calls: { argv: string[] }[]; configs: { config: { linux: Record<string, unknown> } }[] }[];
    const create = results.flatMap((x) => x.calls).find((c) => c.argv.includes('create'))!;
    expect(create.argv.slice(1, 5)).toEqual(['--rootless', 'true', '--root', join(doc.run.workDir, 'state')]);
    const uidMappings = [{ containerID: 0, hostID: UID, size: 1 }, ...(SUBIDS ? [subRange('/etc/subuid')] : [])];
    const gidMappings = [{ containerID: 0, hostID: GID, size: 1 }, ...(SUBIDS ? [subRange('/etc/subgid')] : [])];
    const kept = results.filter((y) => y.configs.length > 0 && !y.id.startsWith('linux.namespaces.'));
    expect(kept.length).toBeGreaterThan(0); // the baselined failures keep their configs
    for (const x of kept) {
      for (const c of x.configs) expect([c.config.linux.uidMappings, c.config.linux.gidMappings, c.config.linux.cgroupsPath], x.id).toEqual([uidMappings, gidMappings, undefined]);
    }
    // a skip always has a reason; the ones for missing privileges come from the probed conditions
    const status = (id: string): string | undefined => results.find((x) => x.id === id)?.outcome.status;
    const skips = results.filter((x) => x.outcome.status === 'skip');
    for (const s of skips) expect(s.outcome.reason?.trim(), s.id).toBeTruthy();
    const byCondition = (c: string): string[] => skips.filter((s) => s.outcome.condition === c).map((s) => s.id);
    expect(byCondition('root')).toEqual(expect.arrayContaining(['filesystem.devices.char', 'linux.namespaces.join.pid', 'linux.namespaces.inherit.pid', 'linux.namespaces.create.user']));
    // ids other than 0: with subordinate ids they exist in the container and process.user.ids runs (the host sees
    // container uid 4242 as subordinate id 4241 up); without, the case skips saying so
    if (SUBIDS) expect([byCondition('mapped-ids'), status('process.user.ids')]).toEqual([[], 'pass']);
    else expect(byCondition('mapped-ids')).toEqual(expect.arrayContaining(['process.user.ids']));
    expect(skips.find((s) => s.id === 'filesystem.devices.char')!.outcome.reason).toBe(`needs root: not running as root (uid ${UID})`);
    // what a user namespace does give runs and passes
    for (const id of ['lifecycle.create.state', 'linux.namespaces.create.pid', 'linux.namespaces.create.network', 'process.hostname', 'filesystem.mounts.tmpfs']) expect(status(id), id).toBe('pass');
    expect(doc.summary.leftovers).toEqual([]);
    expect(leftovers({ runId: doc.run.runId, workDir: doc.run.workDir, ledgerDir: env.OCI_CONFORM_LEDGER_DIR! })).toEqual([]);
    expect(processesOfUser()).toEqual([]);
  });

  it('after a crash (SIGKILL mid-case), `oci-conform cleanup` as the same user removes the container, its processes and the temp dir', { timeout: 120_000 }, async () => {
    // let the case create and start its container, then kill the run without any chance to clean up
    const r = await runAsUser(['--runtime', RUNC!, '--only', 'test.**', '--case-file', join(CASES, 'hang.case.mjs'), '--timeout', '60000', '--reporter', 'tap'], {
      env,
      onStdout: killOnceCreated(),
    });
    expect(r.signal).toBe('SIGKILL');
    const run = { ...runInfoFromTap(r.stdout), ledgerDir: env.OCI_CONFORM_LEDGER_DIR! };
    expect(leftovers(run).length).toBeGreaterThan(0); // the crash did leave things: the work dir, the ledger
    expect(processesOfUser().length).toBeGreaterThan(0); // and the container's process (sleep, or still runc init)
    const c = await runAsUser(['cleanup'], { env });
    expect(c.code, c.stdout + c.stderr).toBe(0);
    expect(c.stdout).toContain(`run ${run.runId}: swept`);
    expect(leftovers(run)).toEqual([]);
    expect(processesOfUser()).toEqual([]);
  });
});
