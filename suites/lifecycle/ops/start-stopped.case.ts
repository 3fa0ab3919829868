import { defineCase } from '../../case.js';

/** `start` of a stopped container must fail; it stays stopped and its program does not run again. */
export default defineCase({
  id: 'lifecycle.ops.start.stopped',
  title: 'start of a stopped container fails and has no effect on it',
  requirements: ['RT-START-NOT-CREATED-ERROR', 'RT-START-NOT-CREATED-NO-EFFECT'],
  config: (c) => c.withScript('echo ran'),
  run: async (ctx) => {
    await ctx.runToExit();
    const again = await ctx.runtime.start(ctx.id);
    ctx.expectError('RT-START-NOT-CREATED-ERROR', again, 'start of a stopped container');
    const after = await ctx.state();
    ctx.expectEqual('RT-START-NOT-CREATED-NO-EFFECT', 'state.status after start of a stopped container', 'stopped', after.status);
    ctx.expectEqual('RT-START-NOT-CREATED-NO-EFFECT', 'container stdout (the program ran once)', 'ran\n', await ctx.readStdout());
  },
});
