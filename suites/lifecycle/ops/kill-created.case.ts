import { defineCase } from '../../case.js';
import { waitGone } from '../../_lib/lifecycle.js';

/**
 * `kill` is allowed in the created state (only a container neither created
 * nor running must refuse it): SIGKILL reaches the container process, which
 * dies before the program ever ran, and the container is stopped.
 */
export default defineCase({
  id: 'lifecycle.ops.kill.created',
  title: 'kill of a created container delivers the signal: the process dies and the container is stopped',
  requirements: ['RT-KILL-SENDS-SIGNAL', 'RT-STATE-STATUS-VALUES'],
  needs: ['root'],
  config: (c) => c.withScript('echo ran'),
  run: async (ctx) => {
    await ctx.create();
    const pid = await ctx.pid();
    await ctx.kill('SIGKILL');
    // A bounded poll (5 s, as the harness's own after a kill): a process SIGKILL reached is gone in milliseconds.
    const gone = await waitGone(pid, 5_000, ctx.signal);
    if (!ctx.expect('RT-KILL-SENDS-SIGNAL', gone, { message: `the container process ${pid} is still alive 5 s after kill SIGKILL` })) return;
    const s = await ctx.waitStopped();
    ctx.expectEqual('RT-STATE-STATUS-VALUES', 'state.status after the created container was killed', 'stopped', s.status);
    ctx.expectEqual('RT-KILL-SENDS-SIGNAL', 'container stdout (the program never ran)', '', await ctx.readStdout());
  },
});
