/**
 * The harness against runtimes that break one thing (bash wrappers around the
 * real runc, helpers/wrappers.ts): each deviation surfaces as a violation with
 * evidence, within a bounded poll, never as a case timeout or a thrown EACCES.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { executeCase, type ExecEnv, type LoadedCase } from '../../harness/execute.js';
import { findRunCgroups, removeCgroupTree, removeTree } from '../../harness/cleanup.js';
import { CANARY } from '../../harness/canary.js';
import { runCanary } from '../../harness/negotiate.js';
import { RuntimeDriver } from '../../harness/driver/driver.js';
import { defineCase, type CaseDefinition, type CaseResult } from '../../harness/model.js';
import killSignal from '../../suites/lifecycle/kill-signal.case.js';
import statusTransitions from '../../suites/state/status-transitions.case.js';
import { cgroupDirsWith } from '../e2e/conform/leftovers.js';
import { runcExecEnv } from './helpers/runc-env.js';
import { writeWrapper, type WrapperName } from './helpers/wrappers.js';

let dir: string;
let base: ExecEnv;
const runId = `ub${randomBytes(3).toString('hex')}`;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-conform-broken-'));
  // Far above the harness's bounded polls: a case that hung would end as a timeout error, which the tests refuse.
  ({ env: base } = await runcExecEnv(dir, runId, 25_000));
});
afterAll(async () => {
  // Every container went through the harness's own case cleanup (delete --force reaches runc through each wrapper).
  const state = await new RuntimeDriver({ ...base.driver }).call(['list', '-q']);
  expect(state.stdout.trim()).toBe('');
  for (const d of await findRunCgroups(base.cgroupPrefix, base.host.cgroups)) await removeCgroupTree(d);
  await removeTree(dir);
  expect(cgroupDirsWith(base.cgroupPrefix)).toEqual([]);
});

async function envFor(name: WrapperName): Promise<ExecEnv> {
  return { ...base, driver: { ...base.driver, binary: await writeWrapper(dir, name) } };
}
const run = async (name: WrapperName, d: CaseDefinition): Promise<CaseResult> => executeCase({ definition: d, file: 'test' } as LoadedCase, `${runId}-${n++}`, await envFor(name));
const violationsOf = (r: CaseResult) => (r.outcome.status === 'fail' || r.outcome.status === 'warn' ? r.outcome.violations : []);

describe('a runtime whose kill does nothing', () => {
  it.each([
    ['lifecycle.kill.delivers-signal', killSignal],
    ['state.status.transitions', statusTransitions],
  ])('%s fails RT-KILL-SENDS-SIGNAL with what state said, not a timeout', async (_id, c) => {
    const r = await run('noop-kill', c);
    expect(r.outcome.status).toBe('fail');
    const v = violationsOf(r).find((x) => x.requirement === 'RT-KILL-SENDS-SIGNAL');
    expect(v?.message).toMatch(/^`\S+noop-kill-runtime --root \S+ kill \S+ (USR1|SIGKILL)` exited 0, but \d+ ms later state still said status "running", pid \d+ \(a live process\): the signal did not stop the container$/);
    expect(v?.actual).toBe('running');
    expect(r.calls.map((x) => x.argv[3])).toContain('kill');
  });
});

describe('a runtime whose state.pid is 1 and that writes no pid file', () => {
  it('process inspection fails RT-STATE-PID-REQUIRED-LINUX with evidence instead of throwing EACCES', async () => {
    const r = await run(
      'state-pid-1',
      defineCase({
        id: 'test.pid-one',
        title: 't',
        requirements: ['RT-START-RUNS-PROCESS'],
        config: (c) => c.withArgs('/bin/sleep', '600'),
        run: async (ctx) => {
          await ctx.create();
          await ctx.start();
          await readFile(`/proc/${await ctx.pid()}/environ`); // would throw EACCES on pid 1
        },
      }),
    );
    expect(r.outcome.status).toBe('fail');
    const vs = violationsOf(r);
    expect(vs.map((v) => v.requirement).sort()).toEqual(['CLI-CREATE-PID-FILE', 'RT-STATE-PID-REQUIRED-LINUX']);
    const v = vs.find((x) => x.requirement === 'RT-STATE-PID-REQUIRED-LINUX');
    expect(v?.message).toMatch(/^state\.pid 1 of \S+ \(status "running"\) is not the container process: pid 1 is the init of oci-conform's pid namespace/);
    expect(v?.level).toBe('MUST');
  });
});

describe('a runtime that writes no --pid-file', () => {
  it('gets a CLI-CREATE-PID-FILE warning and the harness inspects state.pid instead', async () => {
    let seen: { pid: number; fromFile: number | undefined; statePid: number | undefined; cmdline: string } | undefined;
    const r = await run(
      'no-pid-file',
      defineCase({
        id: 'test.no-pid-file',
        title: 't',
        requirements: ['RT-START-RUNS-PROCESS'],
        config: (c) => c.withArgs('/bin/sleep', '600'),
        run: async (ctx) => {
          await ctx.create();
          await ctx.start();
          const pid = await ctx.pid();
          seen = { pid, fromFile: await ctx.pidFile(), statePid: (await ctx.state()).pid, cmdline: (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' ').trim() };
        },
      }),
    );
    expect(r.outcome.status).toBe('warn');
    const vs = violationsOf(r);
    expect(vs).toHaveLength(1);
    expect(vs[0]).toMatchObject({ requirement: 'CLI-CREATE-PID-FILE', level: 'SHOULD', actual: '' });
    expect(vs[0]?.message).toMatch(/^create of \S+ exited 0 but left --pid-file \S+ empty or missing; process inspection falls back to state\.pid$/);
    expect(seen).toMatchObject({ fromFile: undefined, cmdline: '/bin/sleep 600' });
    expect(seen?.pid).toBe(seen?.statePid);
  });

  it('the same case with runc itself has no warning (the check is not vacuous)', async () => {
    const r = await executeCase(
      { definition: defineCase({ id: 'test.pid-file', title: 't', requirements: ['RT-START-RUNS-PROCESS'], run: async (ctx) => void (await ctx.create()) }), file: 'test' } as LoadedCase,
      `${runId}-${n++}`,
      base,
    );
    expect(r.outcome).toEqual({ status: 'pass' });
  });

  it('still passes the canary: the convention is each case\'s warning, not a reason to stop', async () => {
    const env = await envFor('no-pid-file');
    const r = await executeCase(CANARY, `${runId}-${n++}`, env);
    expect(r.outcome.status).toBe('warn');
    await expect(runCanary(env, `${runId}-${n++}`, { specVersion: '1.0.1', configVersion: '1.0.2', source: 'option' }, undefined)).resolves.toBeUndefined();
  });
});

describe('a runtime whose start runs nothing', () => {
  it('the canary says the runtime started nothing: its failure (exit 1), not the host\'s', async () => {
    const env = await envFor('noop-start');
    const err = await runCanary(env, `${runId}-${n++}`, { specVersion: '1.0.1', configVersion: '1.0.2', source: 'option' }, undefined).then(
      () => undefined,
      (e: unknown) => e as { code: string; exitCode: number; message: string },
    );
    expect(err?.code).toBe('OCI_CONFORM_CANARY_RUNTIME_FAILED');
    expect(err?.exitCode).toBe(1);
    expect(err?.message).toMatch(/^the runtime started nothing: `\S+noop-start-runtime --root \S+ start \S+` exited 0, but \d+ ms later state still said status "created" \(pid \d+\): start ran nothing; create, start and state all exited 0/);
  });

  it('a runtime that can\'t create anything is still the host problem (exit 3)', async () => {
    const env = await envFor('refuses-host');
    const err = await runCanary(env, `${runId}-${n++}`, { specVersion: '1.0.1', configVersion: '1.0.2', source: 'option' }, undefined).then(
      () => undefined,
      (e: unknown) => e as { code: string; exitCode: number; message: string },
    );
    expect(err?.code).toBe('OCI_CONFORM_CANARY_FAILED');
    expect(err?.exitCode).toBe(3);
    expect(err?.message).toContain('cannot run containers on this host');
  });
});
