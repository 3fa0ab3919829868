import { defineCase } from '../../case.js';

/** A container that does not exist is not stopped: delete of an unknown ID must fail. */
export default defineCase({
  id: 'lifecycle.ops.delete.unknown-id',
  title: 'delete of an ID no container has fails',
  requirements: ['RT-DELETE-NOT-STOPPED-ERROR'],
  needs: ['root'],
  run: async (ctx) => {
    ctx.expectError('RT-DELETE-NOT-STOPPED-ERROR', await ctx.runtime.delete(`${ctx.id}-none`), 'delete of an unknown container id');
  },
});
