import { defineCase } from '../../case.js';
import { expectKilled } from '../_lib/ops.js';

/**
 * `kill` is allowed in the created state (only a container neither created
 * nor running must refuse it): SIGKILL reaches the container process, which
 * dies before the program ever ran, and the container is stopped.
 */
export default defineCase({
  id: 'lifecycle.ops.kill.created',
  title: 'kill of a created container delivers the signal: the process dies and the container is stopped',
  requirements: ['RT-KILL-SENDS-SIGNAL', 'RT-STATE-STATUS-VALUES'],
  config: (c) => c.withScript('echo ran'),
  run: async (ctx) => {
    await ctx.create();
    if (!(await expectKilled(ctx, 'state.status after the created container was killed'))) return;
    ctx.expectEqual('RT-KILL-SENDS-SIGNAL', 'container stdout (the program never ran)', '', await ctx.readStdout());
  },
});
