/**
 * What the lifecycle cases check again and again after an operation: a
 * delete that must be refused (the container is not stopped) and must change
 * nothing, a SIGKILL that must end the container process and leave the
 * container stopped, and a signal the program traps.
 */
import { type CaseContext, type CaseDefinition, defineCase } from '../../case.js';
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

export interface TrapRow {
  readonly id: string;
  readonly title: string;
  /** The signal as `kill` names it (USR1, SIGTERM) and as the shell's trap does (USR1, TERM). */
  readonly signal: string;
  readonly trap: string;
  /** What the trap prints. */
  readonly marker: string;
}

/** The program traps `trap`, prints `marker` and exits; `kill <id> <signal>` must get it there, so the container stops by itself. */
export function trappedSignalCase(row: TrapRow): CaseDefinition {
  const { id, title, signal, trap, marker } = row;
  return defineCase({
    id,
    title,
    requirements: ['RT-KILL-SENDS-SIGNAL'],
    needs: ['root'],
    config: (c) => c.withScript(`trap "echo ${marker}; exit 0" ${trap}; echo ready; while :; do sleep 0.1; done`),
    run: async (ctx) => {
      await ctx.create();
      await ctx.start();
      await ctx.waitForOutput('ready');
      await ctx.kill(signal);
      await ctx.waitStopped();
      ctx.expectEqual('RT-KILL-SENDS-SIGNAL', 'container stdout', `ready\n${marker}\n`, await ctx.readStdout());
    },
  });
}
