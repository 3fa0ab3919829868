import { defineCase } from '../../case.js';
import { pidAlive } from '../../_lib/lifecycle.js';

/** `delete` (without force) of a running container must fail; it keeps running with the same process. */
export default defineCase({
  id: 'lifecycle.ops.delete.running',
  title: 'delete of a running container fails and has no effect on it',
  requirements: ['RT-DELETE-NOT-STOPPED-ERROR', 'RT-DELETE-NOT-STOPPED-NO-EFFECT'],
  needs: ['root'],
  config: (c) => c.withScript('echo up; exec sleep 600'),
  run: async (ctx) => {
    await ctx.create();
    await ctx.start();
    await ctx.waitForOutput('up');
    const before = await ctx.state();
    const call = await ctx.runtime.delete(ctx.id);
    ctx.expectError('RT-DELETE-NOT-STOPPED-ERROR', call, 'delete of a running container');
    const after = await ctx.runtime.state(ctx.id);
    if (!ctx.expect('RT-DELETE-NOT-STOPPED-NO-EFFECT', after.exitCode === 0, { message: 'the running container no longer exists after the refused delete' })) return;
    const s = await ctx.state();
    ctx.expectEqual('RT-DELETE-NOT-STOPPED-NO-EFFECT', 'state.status after delete', 'running', s.status);
    ctx.expectEqual('RT-DELETE-NOT-STOPPED-NO-EFFECT', 'state.pid after delete', before.pid, s.pid);
    if (before.pid !== undefined) ctx.expect('RT-DELETE-NOT-STOPPED-NO-EFFECT', await pidAlive(before.pid), { message: `the container process ${before.pid} is gone after the refused delete` });
  },
});
