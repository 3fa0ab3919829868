import { defineCase } from '../../case.js';
import { waitGone } from '../../_lib/lifecycle.js';

/** `kill <id> KILL` of a running container ends its process; the container is then stopped. */
export default defineCase({
  id: 'lifecycle.ops.kill.running',
  title: 'kill SIGKILL of a running container ends its process and the container is stopped',
  requirements: ['RT-KILL-SENDS-SIGNAL', 'RT-STATE-STATUS-VALUES'],
  needs: ['root'],
  config: (c) => c.withScript('echo up; exec sleep 600'),
  run: async (ctx) => {
    await ctx.create();
    await ctx.start();
    await ctx.waitForOutput('up');
    const pid = await ctx.pid();
    await ctx.kill('SIGKILL');
    // A bounded poll (5 s, as the harness's own after a kill): a process SIGKILL reached is gone in milliseconds.
    const gone = await waitGone(pid, 5_000, ctx.signal);
    if (!ctx.expect('RT-KILL-SENDS-SIGNAL', gone, { message: `the container process ${pid} is still alive 5 s after kill SIGKILL` })) return;
    const s = await ctx.waitStopped();
    ctx.expectEqual('RT-STATE-STATUS-VALUES', 'state.status after kill', 'stopped', s.status);
  },
});
