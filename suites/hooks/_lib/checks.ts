/**
 * Judgements shared by the hook cases, over a scenario's log: did a hook run,
 * between which markers, and did the container end up stopped or gone.
 */
import type { CaseContext } from '../../case.js';
import { rawState } from '../../lifecycle/ops/_lib/ops.js';
import { describeLog, indexOf, type LogEntry } from './rig.js';

/** The hook `label` ran after marker `after` (if given) and before marker `before` (if given). */
export function ranBetween<R extends string>(ctx: CaseContext<R>, req: R, log: readonly LogEntry[], label: string, after: string | undefined, before: string | undefined, what: string): boolean {
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
export async function expectStoppedOrGone<R extends string>(ctx: CaseContext<R>, req: R, id: string, log: readonly LogEntry[]): Promise<void> {
  const { call, state } = await rawState(ctx.runtime, id);
  ctx.expect(req, call.exitCode !== 0 || state?.status === 'stopped', {
    message: `after the failed hook the container is ${state?.status ?? 'in an unknown state'}, not stopped or destroyed`,
    expected: 'stopped, or no such container',
    actual: state?.status,
  });
  ctx.expect(req, indexOf(log, 'program', 'mark') < 0, { message: `the user program ran although a hook before it failed (log: ${describeLog(log)})` });
}
