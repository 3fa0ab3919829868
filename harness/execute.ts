/**
 * Runs one case: conditions and version gate, bundle, context, the case's
 * `run` under a timeout, the verdict, and cleanup that always runs (delete
 * --force, kill what is left of our processes, remove our cgroups and the
 * case's directory), whether the case passed, failed, threw or timed out.
 */
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { CaseAbort, CaseSkip, type CaseDefinition, type CaseResult, type Outcome } from './model.js';
import type { HostConditions } from './conditions.js';
import { createContext, CaseAborted, type Container } from './context.js';
import { RuntimeDriver, type DriverOptions } from './driver/driver.js';
import { describeCall, succeeded, type CallRecord } from './driver/record.js';
import type { CgroupLayout } from './inspect/cgroup-layout.js';
import { CASE_MARKER, findRunCgroups, killIfOurs, killMarked, removeCgroupTree, removeTree } from './cleanup.js';
import type { Ledger } from './ledger.js';
import type { RootlessMode } from './rootless.js';
import { outcomeOf, versionGate, type Threshold } from './verdict.js';

export interface LoadedCase {
  readonly definition: CaseDefinition;
  /** Source path, relative to the project (suites/lifecycle/kill-signal.case.ts). */
  readonly file: string;
}

export interface ExecEnv {
  readonly driver: Omit<DriverOptions, 'onCall'>;
  readonly runDir: string;
  readonly rootfsTemplate: string;
  readonly specVersion: string;
  readonly configVersion: string;
  readonly host: { readonly conditions: HostConditions; readonly cgroups: CgroupLayout };
  readonly cgroupPrefix: string;
  /** Set in a rootless run: every container's user namespace maps container root to these ids (harness/rootless.ts). */
  readonly rootless?: RootlessMode;
  readonly ledger: Ledger;
  readonly threshold: Threshold;
  readonly timeoutMs: number;
  /** Aborted on SIGINT/SIGTERM: running cases stop and clean up. */
  readonly runSignal: AbortSignal;
}

/** Gate checks that need no container: a skip outcome, or undefined when the case should run. */
export function gate(def: CaseDefinition, env: Pick<ExecEnv, 'host' | 'specVersion'>): Outcome | undefined {
  for (const c of def.needs ?? []) {
    const st = env.host.conditions[c];
    if (!st) return { status: 'skip', reason: `needs unknown condition ${c}` };
    if (!st.ok) return { status: 'skip', reason: `needs ${c}: ${st.reason}`, condition: c };
  }
  const v = versionGate(def.requirements, env.specVersion);
  return v ? { status: 'skip', reason: v } : undefined;
}

export async function executeCase(c: LoadedCase, idStem: string, env: ExecEnv): Promise<CaseResult> {
  const def = c.definition;
  const started = performance.now();
  const calls: CallRecord[] = [];
  const base = { id: def.id, title: def.title, file: c.file, requirements: def.requirements };
  const skipped = gate(def, env);
  if (skipped) return { ...base, outcome: skipped, durationMs: 0, calls, notes: [], configs: [] };

  const caseDir = join(env.runDir, 'cases', idStem);
  await mkdir(caseDir, { recursive: true });
  // Every call of the case carries its marker, so a process one of them left running is found by cleanup.
  const driverEnv = { ...env.driver.env, [CASE_MARKER]: idStem };
  const driver = new RuntimeDriver({ ...env.driver, env: driverEnv, onCall: (r) => calls.push(r) });
  const ac = new AbortController();
  // a case that needs longer than the run's timeout says so; a user's longer --timeout is never shortened by it
  const timeoutMs = Math.max(def.timeoutMs ?? 0, env.timeoutMs);
  const timer = setTimeout(() => ac.abort(new Error('timeout')), timeoutMs);
  const onRunAbort = (): void => ac.abort(new Error('interrupted'));
  env.runSignal.addEventListener('abort', onRunAbort);
  if (env.runSignal.aborted) onRunAbort();

  const { ctx, containers, recorder, primary, release } = createContext({
    caseId: def.id,
    idStem,
    caseDir,
    rootfsTemplate: env.rootfsTemplate,
    specVersion: env.specVersion,
    configVersion: env.configVersion,
    host: env.host,
    cgroupPrefix: env.cgroupPrefix,
    rootless: env.rootless,
    driver,
    ledger: env.ledger,
    signal: ac.signal,
    requirements: def.requirements,
    config: def.config,
    pidFileSupported: env.driver.profile.pidFile,
  });

  let outcome: Outcome;
  let containerStderr: string | undefined;
  try {
    const aborted = new Promise<never>((_, reject) => {
      const f = (): void => reject(new CaseAborted());
      if (ac.signal.aborted) f();
      ac.signal.addEventListener('abort', f, { once: true });
    });
    aborted.catch(() => undefined);
    await Promise.race([primary, aborted]);
    await Promise.race([def.run(ctx), aborted]);
    outcome = outcomeOf(recorder.violations, env.threshold);
  } catch (e) {
    if (e instanceof CaseSkip && recorder.violations.length > 0) {
      // A skip never hides what was already observed (e.g. a refusal missing before a host-pid-view skip).
      outcome = outcomeOf(recorder.violations, env.threshold);
      recorder.notes.push(`stopped early, the rest skipped: ${e.reason}`);
    } else if (e instanceof CaseSkip) {
      // A skip always says why (STYLE 4): a blank reason is a bug of the case.
      outcome = e.reason.trim() ? { status: 'skip', reason: e.reason, ...(e.condition ? { condition: e.condition } : {}) } : { status: 'error', message: 'the case skipped without a reason', timedOut: false };
    }
    else if (e instanceof CaseAbort) outcome = outcomeOf([...recorder.violations, e.violation], env.threshold);
    else if (e instanceof CaseAborted || ac.signal.aborted) {
      const why = (ac.signal.reason as Error | undefined)?.message;
      outcome =
        why === 'interrupted'
          ? { status: 'error', message: 'interrupted before the case finished', timedOut: false }
          : { status: 'error', message: `the case did not finish within ${timeoutMs} ms`, timedOut: true };
    } else outcome = { status: 'error', message: `case code threw: ${(e as Error)?.stack?.split('\n').slice(0, 3).join(' | ') ?? String(e)}`, timedOut: false };
  } finally {
    clearTimeout(timer);
    env.runSignal.removeEventListener('abort', onRunAbort);
  }
  const keep = outcome.status === 'fail' || outcome.status === 'warn' || outcome.status === 'error';
  if (keep && containers[0]) containerStderr = (await readFile(containers[0].stderrPath, 'utf8').catch(() => '')).slice(-2000) || undefined;
  const configs = keep ? containers.map((k) => ({ id: k.id, path: k.configPath, config: k.config })) : [];
  await driver.idle(); // a call still in flight after a timeout finishes (or times out) before cleanup
  const cleanupNotes = await cleanupCase(containers, caseDir, new RuntimeDriver({ ...env.driver, env: driverEnv, onCall: (r) => calls.push(r) }), env, idStem);
  release();
  const notes = [...recorder.notes, ...cleanupNotes];
  return { ...base, outcome, durationMs: performance.now() - started, calls, notes, configs, containerStderr };
}

/**
 * Cleanup of one case. Returns notes for the report: what could not be removed (swept again at run end), a
 * delete the runtime failed, processes of the case's calls that were still running (killed).
 * With `idStem`, processes that carry the case's marker (its runtime calls and what they forked) are killed
 * once the deletes are done: a helper that outlived `delete`, a hung call's child that left its tree.
 */
export async function cleanupCase(
  containers: readonly Container[],
  caseDir: string,
  driver: RuntimeDriver,
  env: Pick<ExecEnv, 'cgroupPrefix' | 'host'>,
  idStem?: string,
): Promise<string[]> {
  const notes: string[] = [];
  const left: string[] = [];
  for (const k of containers) {
    if (!k.created) continue;
    const del = await driver.delete(k.id, { force: true });
    k.closeConsole();
    if (k.recordedPid) await killIfOurs(k.recordedPid.pid, k.recordedPid.startTime);
    let deleted = succeeded(del) || /not exist|not found|no such/i.test(del.stderr);
    // A runtime without `delete --force` (or whose force failed): kill, let it see the process gone, delete again.
    if (del.exitCode !== 0 && (await driver.state(k.id)).exitCode === 0) {
      await driver.kill(k.id, 'SIGKILL');
      for (let i = 0; i < 50; i++) {
        const st = await driver.state(k.id);
        if (st.exitCode !== 0 || /"status":\s*"stopped"/.test(st.stdout)) break;
        await sleep(20);
      }
      deleted = succeeded(await driver.delete(k.id));
    }
    if (!deleted) notes.push(`cleanup: the runtime did not delete ${k.id} (${describeCall(del)}); its cgroup and the run's state root are removed at the end of the run`);
  }
  if (idStem !== undefined) {
    const killed = await killMarked(CASE_MARKER, idStem);
    if (killed.length > 0) notes.push(`cleanup: killed ${killed.map((p) => `${p.pid} (${p.cmd})`).join(', ')}: still running after the case, started by its runtime calls`);
  }
  const prefixDirs = await findRunCgroups(env.cgroupPrefix, env.host.cgroups).catch(() => []);
  for (const k of containers) for (const d of prefixDirs) left.push(...(await removeCgroupTree(join(d, k.id))));
  // Cgroups a runtime made beside a container's, named after it (`<id>-...`): the case's too.
  if (idStem !== undefined) {
    for (const d of prefixDirs) {
      for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
        if (e.isDirectory() && e.name.startsWith(`${idStem}-`)) left.push(...(await removeCgroupTree(join(d, e.name))));
      }
    }
  }
  left.push(...(await removeTree(caseDir).catch((e: Error) => [`${caseDir} (${e.message})`])));
  return [...notes, ...left.map((l) => `cleanup: could not remove ${l}`)];
}
