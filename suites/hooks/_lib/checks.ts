/**
 * Judgements shared by the hook cases, over a scenario's log: did a hook run,
 * between which markers, and did the container end up stopped or gone.
 */
import { type CaseContext, rawState, type RequirementId } from '../../case.js';
import { describeLog, indexOf, type LogEntry } from './rig.js';
import type { ScenarioResult, Step } from './scenario.js';

/** The hook `label` ran after marker `after` (if given) and before marker `before` (if given). */
export function ranBetween<R extends RequirementId>(ctx: CaseContext<R>, req: R, log: readonly LogEntry[], label: string, after: string | undefined, before: string | undefined, what: string): boolean {
  const i = indexOf(log, label);
  if (!ctx.expect(req, i >= 0, { message: `the ${label} hook did not run (log: ${describeLog(log)})` })) return false;
  const a = after === undefined ? -1 : indexOf(log, after, 'mark');
  const b = before === undefined ? log.length : indexOf(log, before, 'mark');
  return ctx.expect(req, i > a && (b < 0 || i < b), {
    message: `the ${label} hook ran at the wrong time: expected ${what} (log: ${describeLog(log)})`,
    expected: what,
    actual: describeLog(log),
  });
}

/** After a failed hook: the container is gone, or stopped, and its program never ran. */
export async function expectStoppedOrGone<R extends RequirementId>(ctx: CaseContext<R>, req: R, id: string, log: readonly LogEntry[]): Promise<void> {
  const { call, state } = await rawState(ctx.runtime, id);
  ctx.expect(req, call.exitCode !== 0 || state?.status === 'stopped', {
    message: `after the failed hook the container is ${state?.status ?? 'in an unknown state'}, not stopped or destroyed`,
    expected: 'stopped, or no such container',
    actual: state?.status,
  });
  ctx.expect(req, indexOf(log, 'program', 'mark') < 0, { message: `the user program ran although a hook before it failed (log: ${describeLog(log)})` });
}

/** The hook saw the user program at state.pid: our `sh -c` script (its cmdline without NULs), or the sleep it execs. */
export function isUserProgram(proc: string): boolean {
  return proc.startsWith('/bin/sh-c') || proc.startsWith('sleep');
}

/**
 * The statuses that were true when the hook `label` ran (runtime.md, State): `running` once the
 * container process has executed the user program, `creating`/`created` before. What the hook saw
 * at state.pid decides; when it could see nothing there, when the hook ran does (during create:
 * not yet running).
 */
export function truthfulStatuses(log: readonly LogEntry[], label: string): readonly string[] {
  const i = indexOf(log, label);
  const e = log[i];
  const proc = e?.type === 'hook' ? e.proc : '';
  if (proc !== '') return isUserProgram(proc) ? ['running'] : ['creating', 'created'];
  const created = indexOf(log, 'created', 'mark');
  return created >= 0 && i < created ? ['creating', 'created'] : ['running'];
}

/** What a scenario's lifecycle came to, for messages: 'create failed: ...', or that every operation succeeded. */
export function outcomeOf(r: Pick<ScenarioResult, 'failedAt' | 'createError' | 'createTimedOut' | 'calls'>): string {
  if (r.createTimedOut) return `create did not return and oci-conform killed it at its call timeout${r.createError ? `: ${r.createError}` : ''}`;
  if (r.failedAt === undefined) return 'every operation succeeded';
  const why = r.failedAt === 'create' ? r.createError : r.calls[r.failedAt]?.stderr.trim().split('\n').pop();
  return `${r.failedAt} failed${why ? `: ${why}` : ''}`;
}

/** After a failing hook of `label`: the operation `step` is the one that failed (and none before it). */
export function expectFailedAt<R extends RequirementId>(ctx: CaseContext<R>, req: R, r: ScenarioResult, step: Step, label: string): boolean {
  return ctx.expect(req, r.failedAt === step && !r.createTimedOut, {
    message:
      r.failedAt === undefined && !r.createTimedOut
        ? `the ${label} hook failed, yet every operation succeeded (${step} exited 0; log: ${describeLog(r.log)})`
        : `the ${label} hook failed and ${step} was to report it, but ${outcomeOf(r)} (log: ${describeLog(r.log)})`,
    expected: `${step} fails`,
    actual: r.createTimedOut ? 'create timed out' : (r.failedAt ?? 'no operation failed'),
  });
}
