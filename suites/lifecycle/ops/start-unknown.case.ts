import { defineCase } from '../../case.js';

/** A container that does not exist is not `created`: start of an unknown ID must fail. */
export default defineCase({
  id: 'lifecycle.ops.start.unknown-id',
  title: 'start of an ID no container has fails',
  requirements: ['RT-START-NOT-CREATED-ERROR'],
  needs: ['root'],
  run: async (ctx) => {
    const call = await ctx.runtime.start(`${ctx.id}-none`);
    ctx.expectError('RT-START-NOT-CREATED-ERROR', call, 'start of an unknown container id');
  },
});
