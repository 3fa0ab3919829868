import { defineCase } from '../../case.js';
import { pidAlive } from '../../_lib/lifecycle.js';

/**
 * A second `create` with the ID of a container that exists must fail, and the
 * first container must be exactly as before: same status, pid and bundle, and
 * on start it runs its own program, not the second bundle's.
 */
export default defineCase({
  id: 'lifecycle.ops.create.duplicate-id',
  title: 'create with an ID already in use fails and leaves the existing container untouched',
  requirements: ['RT-CREATE-DUPLICATE-ID-ERROR', 'RT-CREATE-REJECTED-ID-NO-CONTAINER', 'RT-ERROR-STATE-UNCHANGED', 'RT-STATE-ID-UNIQUE'],
  config: (c) => c.withScript('echo first'),
  run: async (ctx) => {
    await ctx.create();
    const before = await ctx.state();
    const other = await ctx.another('dup', (c) => c.withScript('echo second'));
    const dup = await ctx.runtime.create(ctx.id, other.bundle);
    ctx.expectError('RT-CREATE-DUPLICATE-ID-ERROR', dup, `a second create with the id ${ctx.id}`);
    const after = await ctx.state();
    ctx.expectEqual('RT-ERROR-STATE-UNCHANGED', 'state.status after the refused create', before.status, after.status);
    ctx.expectEqual('RT-ERROR-STATE-UNCHANGED', 'state.pid after the refused create', before.pid, after.pid);
    ctx.expectEqual('RT-CREATE-REJECTED-ID-NO-CONTAINER', 'state.bundle after the refused create', before.bundle, after.bundle);
    if (before.pid !== undefined) {
      ctx.expect('RT-ERROR-STATE-UNCHANGED', await pidAlive(before.pid), { message: `the first container's process ${before.pid} is gone after the refused create` });
    }
    await ctx.start();
    await ctx.waitStopped();
    ctx.expectEqual('RT-STATE-ID-UNIQUE', 'stdout of the container started by id', 'first\n', await ctx.readStdout());
  },
});
