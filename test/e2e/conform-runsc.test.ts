/**
 * oci-conform against gVisor's runsc (Debian's `runsc` package), when it is
 * installed and runs containers here. runsc's state.pid is its sandbox
 * process, so the run must find `host-pid-view` not met, skip every case
 * that would read the container process from the host's /proc, still judge
 * what it can (lifecycle, state, what the container sees from inside), take
 * its version from `runsc --version`, and leave nothing behind: no container
 * in its state root, no sandbox or gofer process, no cgroup, no mount.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTree } from '../../harness/cleanup.js';
import { leftovers, runCli, runInfoFromTap, makeRunDir } from './conform/leftovers.js';

const RUNSC = '/usr/bin/runsc';
const HANG = join(import.meta.dirname, 'conform', 'cases', 'hang.case.mjs');
/** Cases that read the container process from the host (each must skip), and cases that need no host view (each must pass). */
const HOST_VIEW = ['process.capabilities.effective', 'process.user.ids', 'process.env.configured', 'linux.namespaces.create.uts', 'process.cwd.missing', 'hooks.when.poststart', 'process.rlimits.applied', 'filesystem.mounts.tmpfs'];
const NO_HOST_VIEW = ['lifecycle.create.state', 'lifecycle.start.runs-process', 'lifecycle.kill.delivers-signal', 'lifecycle.delete.removes-container', 'state.document.running'];

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => ({ dir, env } = await makeRunDir('oci-conform-e2e-runsc-')));
afterAll(async () => {
  await removeTree(dir);
});

/** Live processes whose command line names `text` (runsc's sandbox and gofer carry --root=<run dir>/state). */
function processesNaming(text: string): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (cmd.includes(text) && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z') out.push(`${pid} ${cmd.replace(/\0/g, ' ').slice(0, 120)}`);
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

describe.skipIf(!existsSync(RUNSC))(`oci-conform --runtime runsc (needs ${RUNSC})`, () => {
  it('finds state.pid is the sandbox, skips every host-side reading of it, judges the rest, and leaves nothing behind', { timeout: 300_000 }, async ({ skip }) => {
    const json = join(dir, 'runsc.json');
    const r = await runCli(['--runtime', RUNSC, ...[...HOST_VIEW, ...NO_HOST_VIEW].flatMap((c) => ['--only', c]), '--jobs', '2', '--reporter', `json=${json}`], { env });
    if (r.code === 3 && /OCI_CONFORM_CANARY_FAILED/.test(r.stderr)) skip(`runsc can't run a plain container on this host: ${r.stderr.trim()}`);
    expect(r.code, `${r.stdout.slice(-3000)}\n${r.stderr}`).toBe(0);
    const doc = JSON.parse(await readFile(json, 'utf8'));

    // No features verb: the version is the spec line of `runsc --version`, written into configs as it is.
    expect(doc.run.versionSource).toBe('version-output');
    expect(doc.run.configVersion).toBe('1.0.2-dev');
    const view = doc.run.host.conditions['host-pid-view'];
    expect(view.ok).toBe(false);
    expect(view.reason).toMatch(/^state\.pid \d+ is not the container process .*differing: pidNs, pid, comm, startTime$/);

    const byId = new Map<string, { outcome: { status: string; condition?: string; reason?: string } }>(doc.results.map((x: { id: string }) => [x.id, x]));
    for (const id of HOST_VIEW) {
      expect(byId.get(id)?.outcome, id).toMatchObject({ status: 'skip', condition: 'host-pid-view', reason: `needs host-pid-view: ${view.reason}` });
    }
    for (const id of NO_HOST_VIEW) expect(byId.get(id)?.outcome.status, id).toBe('pass');
    expect(doc.summary.counts).toMatchObject({ fail: 0, error: 0 });

    expect(doc.summary.leftovers).toEqual([]);
    expect(leftovers({ runId: doc.run.runId, workDir: doc.run.workDir, ledgerDir: env.OCI_CONFORM_LEDGER_DIR! })).toEqual([]);
    expect(processesNaming(doc.run.workDir)).toEqual([]);
    expect(existsSync(join(doc.run.workDir, 'state'))).toBe(false);
  });

  it('after a crash (SIGKILL mid-case), `oci-conform cleanup` removes the sandbox, the gofer, the cgroups and the state', { timeout: 300_000 }, async ({ skip }) => {
    let killed = false;
    const ledgerDir = join(dir, 'crash-ledger');
    const crashEnv = { ...env, OCI_CONFORM_LEDGER_DIR: ledgerDir };
    const r = await runCli(['--runtime', RUNSC, '--only', 'test.**', '--case-file', HANG, '--timeout', '120000', '--reporter', 'tap'], {
      env: crashEnv,
      onStdout: (all, child) => {
        if (!killed && /^# run /m.test(all)) {
          killed = true;
          // runsc keeps `<id>_sandbox:<id>.state` in its root: once the case's container has one, kill the run outright.
          const t = setInterval(() => {
            void readdir(join(runInfoFromTap(all).workDir, 'state'))
              .then((names) => {
                if (names.some((n) => /-0-c_sandbox:.*-0-c\.state$/.test(n))) {
                  clearInterval(t);
                  setTimeout(() => child.kill('SIGKILL'), 1000);
                }
              })
              .catch(() => undefined);
          }, 50);
        }
      },
    });
    if (r.code === 3 && /OCI_CONFORM_CANARY_FAILED/.test(r.stderr)) skip(`runsc can't run a plain container on this host: ${r.stderr.trim()}`);
    expect(r.signal, r.stderr).toBe('SIGKILL');
    const run = { ...runInfoFromTap(r.stdout), ledgerDir };
    expect(processesNaming(run.workDir).length).toBeGreaterThan(0); // the sandbox and gofer outlived the run
    expect(leftovers(run).length).toBeGreaterThan(0);
    const c = await runCli(['cleanup'], { env: crashEnv });
    expect(c.code, c.stdout + c.stderr).toBe(0);
    expect(c.stdout).toContain(`run ${run.runId}: swept`);
    expect(leftovers(run)).toEqual([]);
    expect(processesNaming(run.workDir)).toEqual([]);
  });
});
