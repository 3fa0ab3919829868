import { defineCase } from '../../case.js';

/** `delete` with no container ID must fail. */
export default defineCase({
  id: 'lifecycle.ops.delete.no-id',
  title: 'delete without a container ID fails',
  requirements: ['RT-DELETE-NO-ID-ERROR'],
  needs: ['root'],
  run: async (ctx) => {
    ctx.expectError('RT-DELETE-NO-ID-ERROR', await ctx.runtime.call(['delete']), 'delete with no container id');
  },
});
