import { defineCase } from '../../case.js';

/** `kill` of a stopped container must fail and leave it stopped. */
export default defineCase({
  id: 'lifecycle.ops.kill.stopped',
  title: 'kill of a stopped container fails and has no effect on it',
  requirements: ['RT-KILL-NOT-RUNNING-ERROR', 'RT-KILL-NOT-RUNNING-NO-EFFECT'],
  run: async (ctx) => {
    await ctx.runToExit();
    const call = await ctx.runtime.kill(ctx.id, 'SIGKILL');
    ctx.expectError('RT-KILL-NOT-RUNNING-ERROR', call, 'kill of a stopped container');
    const after = await ctx.state();
    ctx.expectEqual('RT-KILL-NOT-RUNNING-NO-EFFECT', 'state.status after kill of a stopped container', 'stopped', after.status);
  },
});
