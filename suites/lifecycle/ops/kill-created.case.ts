import { defineCase } from '../../case.js';
import { waitGone } from './_lib/ops.js';

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
    ctx.expect('RT-KILL-SENDS-SIGNAL', await waitGone(pid, 10_000, ctx.signal), { message: `the container process ${pid} is still alive 10 s after kill SIGKILL` });
    const s = await ctx.waitStopped();
    ctx.expectEqual('RT-STATE-STATUS-VALUES', 'state.status after the created container was killed', 'stopped', s.status);
    ctx.expectEqual('RT-KILL-SENDS-SIGNAL', 'container stdout (the program never ran)', '', await ctx.readStdout());
  },
});
