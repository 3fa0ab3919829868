import { defineCase } from '../../case.js';
import { expectRefusedDelete } from '../_lib/ops.js';

/**
 * `delete` (without force) of a created container: the container is not
 * stopped, so delete must fail and have no effect: it stays created with the
 * same process, and start still runs its program.
 */
export default defineCase({
  id: 'lifecycle.ops.delete.created',
  title: 'delete of a created container fails and has no effect on it',
  requirements: ['RT-DELETE-NOT-STOPPED-ERROR', 'RT-DELETE-NOT-STOPPED-NO-EFFECT'],
  config: (c) => c.withScript('echo ran'),
  run: async (ctx) => {
    await ctx.create();
    if (!(await expectRefusedDelete(ctx, 'created'))) return;
    await ctx.start();
    await ctx.waitStopped();
    ctx.expectEqual('RT-DELETE-NOT-STOPPED-NO-EFFECT', 'container stdout after start', 'ran\n', await ctx.readStdout());
  },
});
