import { defineCase } from '../../case.js';

/** `state` of an ID that names no container must fail. */
export default defineCase({
  id: 'lifecycle.ops.state.unknown-id',
  title: 'state of an ID no container has fails',
  requirements: ['RT-QUERY-STATE-NONEXISTENT-ERROR'],
  needs: ['root'],
  run: async (ctx) => {
    ctx.expectError('RT-QUERY-STATE-NONEXISTENT-ERROR', await ctx.runtime.state(`${ctx.id}-none`), 'state of an unknown container id');
  },
});
