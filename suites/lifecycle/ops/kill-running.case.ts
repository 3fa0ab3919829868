import { defineCase } from '../../case.js';
import { waitGone } from './_lib/ops.js';

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
    ctx.expect('RT-KILL-SENDS-SIGNAL', await waitGone(pid, 10_000, ctx.signal), { message: `the container process ${pid} is still alive 10 s after kill SIGKILL` });
    const s = await ctx.waitStopped();
    ctx.expectEqual('RT-STATE-STATUS-VALUES', 'state.status after kill', 'stopped', s.status);
  },
});
