/**
 * What the lifecycle cases check again and again after an operation: a
 * delete that must be refused (the container is not stopped) and must change
 * nothing, and a SIGKILL that must end the container process and leave the
 * container stopped.
 */
import type { CaseContext } from '../../case.js';
import { pidAlive, waitGone } from '../../_lib/lifecycle.js';

type RefusedDeleteReq = 'RT-DELETE-NOT-STOPPED-ERROR' | 'RT-DELETE-NOT-STOPPED-NO-EFFECT';

/**
 * `delete` (without force) of a container in `status` (created or running):
 * refused, and the container is still there with the same status and process.
 * False when it is gone (nothing more to look at).
 */
export async function expectRefusedDelete(ctx: CaseContext<RefusedDeleteReq>, status: 'created' | 'running'): Promise<boolean> {
  const before = await ctx.state();
  const call = await ctx.runtime.delete(ctx.id);
  ctx.expectError('RT-DELETE-NOT-STOPPED-ERROR', call, `delete of a ${status} container`);
  const after = await ctx.runtime.state(ctx.id);
  if (!ctx.expect('RT-DELETE-NOT-STOPPED-NO-EFFECT', after.exitCode === 0, { message: `the ${status} container no longer exists after the refused delete` })) return false;
  const s = await ctx.state();
  ctx.expectEqual('RT-DELETE-NOT-STOPPED-NO-EFFECT', 'state.status after delete', status, s.status);
  ctx.expectEqual('RT-DELETE-NOT-STOPPED-NO-EFFECT', 'state.pid after delete', before.pid, s.pid);
  if (before.pid !== undefined) ctx.expect('RT-DELETE-NOT-STOPPED-NO-EFFECT', await pidAlive(before.pid), { message: `the container process ${before.pid} is gone after the refused delete` });
  return true;
}

/**
 * kill SIGKILL: the container process is gone within a bounded poll (5 s, as
 * the harness's own after a kill: a process SIGKILL reached is gone in
 * milliseconds), then the container is stopped (`statusWhat` names that
 * check). False when the process outlived the poll.
 */
export async function expectKilled(ctx: CaseContext<'RT-KILL-SENDS-SIGNAL' | 'RT-STATE-STATUS-VALUES'>, statusWhat: string): Promise<boolean> {
  const pid = await ctx.pid();
  await ctx.kill('SIGKILL');
  const gone = await waitGone(pid, 5_000, ctx.signal);
  if (!ctx.expect('RT-KILL-SENDS-SIGNAL', gone, { message: `the container process ${pid} is still alive 5 s after kill SIGKILL` })) return false;
  const s = await ctx.waitStopped();
  ctx.expectEqual('RT-STATE-STATUS-VALUES', statusWhat, 'stopped', s.status);
  return true;
}
