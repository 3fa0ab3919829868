import { defineCase } from '../../case.js';
import { pidAlive } from '../../_lib/lifecycle.js';

/**
 * `delete` (without force) of a created container: the container is not
 * stopped, so delete must fail and have no effect: it stays created with the
 * same process, and start still runs its program.
 */
export default defineCase({
  id: 'lifecycle.ops.delete.created',
  title: 'delete of a created container fails and has no effect on it',
  requirements: ['RT-DELETE-NOT-STOPPED-ERROR', 'RT-DELETE-NOT-STOPPED-NO-EFFECT'],
  needs: ['root'],
  config: (c) => c.withScript('echo ran'),
  run: async (ctx) => {
    await ctx.create();
    const before = await ctx.state();
    const call = await ctx.runtime.delete(ctx.id);
    ctx.expectError('RT-DELETE-NOT-STOPPED-ERROR', call, 'delete of a created container');
    const after = await ctx.runtime.state(ctx.id);
    if (!ctx.expect('RT-DELETE-NOT-STOPPED-NO-EFFECT', after.exitCode === 0, { message: 'the created container no longer exists after the refused delete' })) return;
    const s = await ctx.state();
    ctx.expectEqual('RT-DELETE-NOT-STOPPED-NO-EFFECT', 'state.status after delete', 'created', s.status);
    ctx.expectEqual('RT-DELETE-NOT-STOPPED-NO-EFFECT', 'state.pid after delete', before.pid, s.pid);
    if (before.pid !== undefined) ctx.expect('RT-DELETE-NOT-STOPPED-NO-EFFECT', await pidAlive(before.pid), { message: `the container process ${before.pid} is gone after the refused delete` });
    await ctx.start();
    await ctx.waitStopped();
    ctx.expectEqual('RT-DELETE-NOT-STOPPED-NO-EFFECT', 'container stdout after start', 'ran\n', await ctx.readStdout());
  },
});
