import { defineCase } from '../../case.js';

/** `start` of a running container must fail and change nothing: same pid, program not run again. */
export default defineCase({
  id: 'lifecycle.ops.start.running',
  title: 'start of a running container fails and has no effect on it',
  requirements: ['RT-START-NOT-CREATED-ERROR', 'RT-START-NOT-CREATED-NO-EFFECT'],
  config: (c) => c.withScript('echo ran; exec sleep 600'),
  run: async (ctx) => {
    await ctx.create();
    await ctx.start();
    await ctx.waitForOutput('ran');
    const before = await ctx.state();
    const again = await ctx.runtime.start(ctx.id);
    ctx.expectError('RT-START-NOT-CREATED-ERROR', again, 'a second start of a running container');
    const after = await ctx.state();
    ctx.expectEqual('RT-START-NOT-CREATED-NO-EFFECT', 'state.status after the second start', 'running', after.status);
    ctx.expectEqual('RT-START-NOT-CREATED-NO-EFFECT', 'state.pid after the second start', before.pid, after.pid);
    ctx.expectEqual('RT-START-NOT-CREATED-NO-EFFECT', 'container stdout (the program ran once)', 'ran\n', await ctx.readStdout());
  },
});
