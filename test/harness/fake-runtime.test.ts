/**
 * The harness against a runtime that misbehaves in one verb (the fake runtime, test/harness/fake-runtime/):
 * each misbehaviour becomes a failure or an error of the case WITH EVIDENCE (the call, what it printed), the
 * next case runs as usual, and nothing of the case is left (processes the calls started, cgroups, state,
 * its directory); what a broken `delete` leaves in the state root goes with the run's sweep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { executeCase, type ExecEnv, type LoadedCase } from '../../harness/execute.js';
import { CASE_MARKER, findRunCgroups, markedProcesses, removeCgroupTree, removeTree, RUN_MARKER } from '../../harness/cleanup.js';
import { sweepRun } from '../../harness/sweep.js';
import { RuntimeDriver } from '../../harness/driver/driver.js';
import type { CaseDefinition, CaseResult } from '../../harness/model.js';
import statusTransitions from '../../suites/state/status-transitions.case.js';
import pidContainerProcess from '../../suites/state/pid-container-process.case.js';
import { cgroupDirsWith, leftovers, processesIn, runCli } from '../e2e/conform/leftovers.js';
import { runcExecEnv } from './helpers/runc-env.js';
import { writeFakeRuntime, type Behaviour, type Verb } from './fake-runtime/index.js';
import type { Ledger } from '../../harness/ledger.js';

let dir: string;
let base: ExecEnv;
let ledger: Ledger;
const runId = `fk${randomBytes(3).toString('hex')}`;
let n = 0;
// Well above what a real runc create takes on a loaded machine; a hung call is killed at this bound.
const CALL_TIMEOUT = 10_000;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-conform-fake-'));
  ({ env: base, ledger } = await runcExecEnv(dir, runId, 30_000));
  base = { ...base, driver: { ...base.driver, timeoutMs: CALL_TIMEOUT, env: { [RUN_MARKER]: runId } } };
});
afterAll(async () => {
  for (const d of await findRunCgroups(base.cgroupPrefix, base.host.cgroups)) await removeCgroupTree(d);
  await removeTree(dir);
});

const run = async (binary: string, d: CaseDefinition): Promise<{ r: CaseResult; stem: string }> => {
  const stem = `${runId}-${n++}`;
  const r = await executeCase({ definition: d, file: 'test' } as LoadedCase, stem, { ...base, driver: { ...base.driver, binary } });
  return { r, stem };
};

/** What a case left: processes its calls started, processes and cgroups of its containers, its state and dir. */
async function caseLeftovers(stem: string): Promise<string[]> {
  const out: string[] = [];
  out.push(...(await markedProcesses(CASE_MARKER, stem)).map((p) => `marked process ${p}`));
  out.push(...processesIn(`/${stem}-`).map((p) => `process ${p}`));
  out.push(...cgroupDirsWith(`${stem}-`).map((d) => `cgroup ${d}`));
  if (existsSync(join(dir, 'cases', stem))) out.push(`case dir ${stem}`);
  return out;
}
const stateEntries = (stem: string): string[] => readdirSync(join(dir, 'state')).filter((e) => e.startsWith(`${stem}-`));

const CALL = (verb: string): string => `\`\\S+/runtime --root \\S+ ${verb}[^\`]*\``;
const violationText = (r: CaseResult): string =>
  r.outcome.status === 'fail' || r.outcome.status === 'warn' ? r.outcome.violations.map((v) => `[${v.requirement}] ${v.message}`).join('\n') : r.outcome.status === 'error' ? r.outcome.message : '';

describe('a runtime that misbehaves in one verb: a failure with the call and what it printed, and nothing left of the case', () => {
  it.each([
    ['create', 'hang', 'fail', `create of \\S+ failed: ${CALL('create')} timed out after \\d+ ms: fake-runtime: create hangs`],
    ['create', 'crash', 'fail', `create of \\S+ failed: ${CALL('create')} ended by SIGSEGV: fake-runtime: create crashes`],
    ['create', 'behave-crash', 'fail', `create of \\S+ failed: ${CALL('create')} ended by SIGSEGV: fake-runtime: create crashes`],
    ['create', 'noop', 'fail', `\\[CLI-CREATE-PID-FILE\\] create of \\S+ exited 0 but left --pid-file \\S+ empty or missing[^\\n]*\\n\\[RT-STATE-STATUS-VALUES\\] state of \\S+ failed: ${CALL('state')} exited 1: .*container does not exist`],
    ['start', 'hang', 'fail', `start of \\S+ failed: ${CALL('start')} timed out after \\d+ ms: fake-runtime: start hangs`],
    ['start', 'crash', 'fail', `start of \\S+ failed: ${CALL('start')} ended by SIGSEGV: fake-runtime: start crashes`],
    ['start', 'noop', 'fail', `\\[RT-START-RUNS-PROCESS\\] ${CALL('start')} exited 0, but \\d+ ms later state still said status "created" \\(pid \\d+\\) and the container printed nothing: start ran nothing`],
    ['state', 'hang', 'fail', `state of \\S+ failed: ${CALL('state')} timed out after \\d+ ms: fake-runtime: state hangs`],
    ['state', 'crash', 'fail', `state of \\S+ failed: ${CALL('state')} ended by SIGSEGV: fake-runtime: state crashes`],
    ['state', 'garbage', 'fail', 'state of \\S+ printed no JSON object: "\\\\u0000ÿ\\{\\{not json at all'],
    ['state', 'truncated', 'fail', 'state of \\S+ printed no JSON object: "\\{\\\\n  \\\\"ociVersion\\\\": '],
    ['state', 'noop', 'fail', 'state of \\S+ printed no JSON object: ""'],
    ['state', 'wrong-status', 'fail', `\\[RT-KILL-SENDS-SIGNAL\\] ${CALL('kill')} exited 0, but \\d+ ms later state still said status "running", pid 0 \\(no such process\\)`],
    ['kill', 'hang', 'fail', `kill SIGKILL of \\S+ failed: ${CALL('kill')} timed out after \\d+ ms: fake-runtime: kill hangs`],
    ['kill', 'crash', 'fail', `kill SIGKILL of \\S+ failed: ${CALL('kill')} ended by SIGSEGV: fake-runtime: kill crashes`],
    ['kill', 'noop', 'fail', `\\[RT-KILL-SENDS-SIGNAL\\] ${CALL('kill')} exited 0, but \\d+ ms later state still said status "running", pid \\d+ \\(a live process\\)`],
  ] as [Verb, Behaviour, string, string][])('%s that does "%s": %s', async (verb, how, status, evidence) => {
    const exe = await writeFakeRuntime(dir, `${verb}-${how}`, { verbs: { [verb]: how } });
    const { r, stem } = await run(exe, statusTransitions);
    expect(r.outcome.status).toBe(status);
    expect(violationText(r)).toMatch(new RegExp(`^(\\[[A-Z-]+\\] )?${evidence}`));
    // the misbehaving call is in the case's record of calls, with what it printed
    const call = r.calls.find((c) => c.argv.includes(verb) && (how === 'wrong-status' || c.exitCode !== 0 || c.timedOut || c.signal !== null || how === 'noop' || how === 'garbage' || how === 'truncated'));
    expect(call).toBeDefined();
    if (how === 'hang') {
      expect(call?.timedOut).toBe(true);
      // the call's child was killed with it; the daemon it left outside its tree was found by the case's marker
      expect(r.notes.join('\n')).toMatch(/^cleanup: killed \d+ \(sleep 3600\): still running after the case, started by its runtime calls$/m);
    }
    if (how === 'crash' || how === 'behave-crash') expect(call?.signal).toBe('SIGSEGV');
    expect(await caseLeftovers(stem)).toEqual([]);
    expect(stateEntries(stem)).toEqual([]);
  });

  it('a state.pid that is no process fails RT-STATE-PID-REQUIRED-LINUX against the pid file', async () => {
    const exe = await writeFakeRuntime(dir, 'state-wrong-pid', { verbs: { state: 'wrong-pid' } });
    const { r, stem } = await run(exe, pidContainerProcess);
    expect(r.outcome.status).toBe('fail');
    expect(violationText(r)).toMatch(/^\[RT-STATE-PID-REQUIRED-LINUX\] state\.pid after create \(against the --pid-file\): expected \d+, got 4194303$/m);
    expect(await caseLeftovers(stem)).toEqual([]);
  });

  it.each([
    ['create', 'orphan', /^cleanup: killed \d+ \(sleep 3600\): still running after the case, started by its runtime calls$/m],
    ['delete', 'orphan', /^cleanup: killed \d+ \(sleep 3600\): still running after the case, started by its runtime calls$/m],
    ['create', 'leave-cgroup', /^cleanup: killed \d+ \(sleep 3600\), \d+ \(sleep 3600\): still running after the case/m],
  ] as [Verb, Behaviour, RegExp][])('%s that leaves a %s behind: the case passes, its cleanup kills and removes it, with a note', async (verb, how, note) => {
    const exe = await writeFakeRuntime(dir, `${verb}-${how}`, { verbs: { [verb]: how } });
    const { r, stem } = await run(exe, statusTransitions);
    expect(r.outcome.status).toBe('pass');
    expect(r.notes.join('\n')).toMatch(note);
    if (how === 'leave-cgroup') expect(existsSync(join(dir, `${verb}-${how}`, 'leaked'))).toBe(true); // it did make them
    expect(await caseLeftovers(stem)).toEqual([]);
    expect(stateEntries(stem)).toEqual([]);
  });

  it.each([
    ['hang', 'timed out after \\d+ ms: fake-runtime: delete hangs'],
    ['crash', 'ended by SIGSEGV: fake-runtime: delete crashes'],
  ] as [Behaviour, string][])('a delete that does "%s": a note with the call; the case\'s processes and cgroups are gone, its state entry goes with the sweep', async (how, evidence) => {
    const exe = await writeFakeRuntime(dir, `delete-${how}`, { verbs: { delete: how } });
    const { r, stem } = await run(exe, statusTransitions);
    expect(r.outcome.status).toBe('pass');
    expect(r.notes.join('\n')).toMatch(new RegExp(`^cleanup: the runtime did not delete ${stem}-c \\(${CALL('delete --force')} ${evidence}\\); its cgroup and the run's state root are removed at the end of the run$`, 'm'));
    expect(await caseLeftovers(stem)).toEqual([]);
    expect(stateEntries(stem)).toEqual([`${stem}-c`]);
  });

  it('after all of them the next case runs as usual with runc, and the run\'s sweep leaves nothing: state root, cgroups, processes', async () => {
    const { r } = await run('/usr/bin/runc', statusTransitions);
    expect(r.outcome).toEqual({ status: 'pass' });
    expect(await sweepRun({ ledger, layout: base.host.cgroups, driver: new RuntimeDriver(base.driver) })).toEqual([]);
    expect(existsSync(join(dir, 'state'))).toBe(false); // the run dir is the test's dir here: the sweep removed it
    expect(cgroupDirsWith(base.cgroupPrefix)).toEqual([]);
    expect(processesIn(base.cgroupPrefix)).toEqual([]);
    expect(await markedProcesses(RUN_MARKER, runId)).toEqual([]);
  });
});

describe('through the CLI: one case of a run misbehaves in several verbs, the next case runs, nothing is left', () => {
  it('create leaves a cgroup, start crashes, delete leaves a daemon: case 0 fails with the call, case 1 passes, exit 1, no leftovers', async () => {
    const d = await mkdtemp(join(tmpdir(), 'oci-conform-fake-cli-'));
    try {
      const exe = await writeFakeRuntime(d, 'cli', { match: '-0-c$', verbs: { create: 'leave-cgroup', start: 'crash', delete: 'orphan' } });
      const json = join(d, 'r.json');
      const env = { OCI_CONFORM_LEDGER_DIR: join(d, 'ledger'), OCI_CONFORM_ARTIFACTS_DIR: join(d, 'artifacts'), NO_COLOR: '1' };
      const r = await runCli(['--runtime', exe, '--profile', 'runc', '--only', 'lifecycle.start.runs-process', '--only', 'state.status.transitions', '--reporter', `json=${json}`], { env });
      expect(r.code, r.stderr).toBe(1);
      const doc = JSON.parse(await readFile(json, 'utf8'));
      expect(doc.results.map((x: any) => [x.id, x.outcome?.status ?? x.status])).toEqual([
        ['lifecycle.start.runs-process', expect.anything()],
        ['state.status.transitions', expect.anything()],
      ]);
      const [first, second] = doc.results;
      expect(JSON.stringify(first)).toMatch(/start of \S+-0-c failed: `\S+\/runtime --root \S+ start \S+-0-c` ended by SIGSEGV: fake-runtime: start crashes/);
      expect(first.notes.join('\n')).toMatch(/^cleanup: killed \d+ \(sleep 3600\)(, \d+ \(sleep 3600\))+: still running after the case, started by its runtime calls$/m);
      expect(existsSync(join(d, 'cli', 'leaked'))).toBe(true);
      expect(JSON.stringify(second)).not.toContain('fake-runtime');
      expect(doc.summary.counts).toMatchObject({ fail: 1, pass: 1 });
      expect(doc.summary.leftovers).toEqual([]);
      expect(leftovers({ runId: doc.run.runId, workDir: doc.run.workDir, ledgerDir: env.OCI_CONFORM_LEDGER_DIR })).toEqual([]);
      expect(await markedProcesses(RUN_MARKER, doc.run.runId)).toEqual([]);
    } finally {
      await removeTree(d);
    }
  });
});
