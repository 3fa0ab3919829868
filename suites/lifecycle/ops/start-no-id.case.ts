import { defineCase } from '../../case.js';

/** `start` with no container ID must fail. */
export default defineCase({
  id: 'lifecycle.ops.start.no-id',
  title: 'start without a container ID fails',
  requirements: ['RT-START-NO-ID-ERROR'],
  needs: ['root'],
  run: async (ctx) => {
    ctx.expectError('RT-START-NO-ID-ERROR', await ctx.runtime.call(['start']), 'start with no container id');
  },
});
