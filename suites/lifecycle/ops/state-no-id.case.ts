import { defineCase } from '../../case.js';

/** `state` with no container ID must fail. */
export default defineCase({
  id: 'lifecycle.ops.state.no-id',
  title: 'state without a container ID fails',
  requirements: ['RT-QUERY-STATE-NO-ID-ERROR'],
  needs: ['root'],
  run: async (ctx) => {
    ctx.expectError('RT-QUERY-STATE-NO-ID-ERROR', await ctx.runtime.call(['state']), 'state with no container id');
  },
});
