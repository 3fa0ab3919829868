/**
 * Fault injection in CI (the fixed-seed few of `npm run faults`, test/faults/faults.ts): oci-conform against runc
 * interrupted by SIGINT, SIGTERM and SIGKILL, of the process and of its group, then `oci-conform cleanup`:
 * nothing of those runs remains. And the finding of issue 13 kept proven step by step: after a SIGKILL mid-case
 * the ledger, work dir, cgroups, the container and its processes remain; the next run warns that a sweep is due
 * (one line naming `oci-conform cleanup`) and leaves them alone; `cleanup` removes all of it. Needs root, runc and
 * `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { removeTree } from '../../harness/cleanup.js';
import { killOnceCreated, leftovers, makeRunDir, runCli, runInfoFromTap } from '../e2e/conform/leftovers.js';
import { leftoversOf, MODES, plan, runFaults } from './faults.js';

const RUNC = '/usr/bin/runc';
const CASES = join(import.meta.dirname, '..', 'e2e', 'conform', 'cases');
const SKIP = process.getuid?.() !== 0 ? 'needs root' : !existsSync(RUNC) ? 'needs runc' : undefined;
const SUBSET = ['lifecycle.create.state', 'lifecycle.start.runs-process', 'lifecycle.kill.delivers-signal', 'state.status.transitions', 'linux.cgroups.pids.*'];

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => ({ dir, env } = await makeRunDir('oci-conform-faults-test-')));
afterAll(async () => {
  if (dir) await removeTree(dir);
});

describe('the plan of a seed', () => {
  it('is the same for the same seed, every mode in each round of six, delays within the bound', () => {
    const a = plan(12, 13, 1000);
    expect(plan(12, 13, 1000)).toEqual(a);
    expect(plan(12, 14, 1000)).not.toEqual(a);
    expect(new Set(a.slice(0, 6).map((p) => p.mode))).toEqual(new Set(MODES));
    expect(new Set(a.slice(6).map((p) => p.mode))).toEqual(new Set(MODES));
    expect(a.every((p) => p.delayMs >= 0 && p.delayMs < 1000)).toBe(true);
  });
});

describe.skipIf(SKIP)('fault injection against runc (fixed seed)', () => {
  it('six runs, one per signal and target, interrupted mid-run at seeded points: after `oci-conform cleanup` nothing of them is left', { timeout: 900_000 }, async () => {
    // seed 64: every signal between 3.6 and 8 s after the start. A run of the subset alone takes 2 to 15 s, with the
    // machine's load: test.hang holds each run until its case timeout (60 s), so every signal lands mid-run
    const f = await runFaults({ runs: 6, seed: 64, runtimes: [RUNC], only: [...SUBSET, 'test.hang'], caseFiles: [join(CASES, 'hang.case.mjs')], maxDelayMs: 8000 });
    expect(f.runs.filter((r) => r.finishedFirst)).toEqual([]);
    expect(f.problems).toEqual([]);
    expect(f.runs.map((r) => r.mode).sort()).toEqual([...MODES].sort());
    // a SIGKILLed run that had begun leaves its ledger (and so the cleanup below has something to do); not vacuous
    const killed = f.runs.filter((r) => r.mode.startsWith('SIGKILL') && !r.finishedFirst && r.runIds.length > 0);
    expect(killed.length).toBeGreaterThan(0);
    for (const r of killed) expect(r.leftBefore).toContain(`ledger ${r.runIds[0]}`);
    expect(f.cleanup.stdout.trim().split('\n').sort()).toEqual(killed.map((r) => `run ${r.runIds[0]}: swept`).sort());
    // SIGINT and SIGTERM to the process: the run cleans up itself, before any `cleanup`
    for (const r of f.runs.filter((x) => x.mode === 'SIGINT' || x.mode === 'SIGTERM')) expect(r.leftBefore, r.mode).toEqual([]);
    expect(f.runs.filter((r) => r.successorWarned === false)).toEqual([]);
    expect(f.cleanup.code).toBe(0);
    expect(f.leftAfter).toEqual([]);
  });

  it('SIGKILL mid-case leaves the ledger, work dir, cgroups, container and processes; the next run warns once and leaves them; cleanup removes all', { timeout: 300_000 }, async () => {
    const r = await runCli(['--runtime', RUNC, '--only', 'test.**', '--case-file', join(CASES, 'hang.case.mjs'), '--timeout', '60000', '--reporter', 'tap'], {
      env,
      onStdout: killOnceCreated(),
    });
    expect(r.signal).toBe('SIGKILL');
    const dead = runInfoFromTap(r.stdout);
    const ledgerDir = env.OCI_CONFORM_LEDGER_DIR!;
    const before = await leftoversOf(dead.runId, dead.workDir, ledgerDir);
    for (const kind of ['ledger', 'work dir', 'container', 'cgroup', 'process']) expect(before.some((l) => l.startsWith(kind)), `${kind} in ${before.join('\n')}`).toBe(true);

    const next = await runCli(['--runtime', RUNC, '--only', 'lifecycle.create.state', '--reporter', 'tap'], { env });
    expect(next.code).toBe(0);
    expect(next.stderr).toBe(
      `oci-conform: an earlier run (${dead.runId}) ended without its cleanup (killed?): its containers, processes, cgroups and files may remain; a sweep is due: run \`oci-conform cleanup\`\n`,
    );
    expect(leftovers({ ...runInfoFromTap(next.stdout), ledgerDir })).toEqual([]);
    expect(await leftoversOf(dead.runId, dead.workDir, ledgerDir)).toEqual(expect.arrayContaining(before.filter((l) => !l.startsWith('process'))));

    const c = await runCli(['cleanup'], { env });
    expect(c.code).toBe(0);
    expect(c.stdout).toBe(`run ${dead.runId}: swept\n`);
    expect(await leftoversOf(dead.runId, dead.workDir, ledgerDir)).toEqual([]);
    const again = await runCli(['--runtime', RUNC, '--only', 'lifecycle.create.state', '--reporter', 'tap'], { env });
    expect(again.stderr).toBe(''); // swept: no warning any more
  });
});
