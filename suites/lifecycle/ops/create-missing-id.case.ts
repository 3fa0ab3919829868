import { defineCase } from '../../case.js';

/** `create` given a bundle but no container ID must fail (nothing to name the container by). */
export default defineCase({
  id: 'lifecycle.ops.create.missing-id',
  title: 'create without a container ID fails',
  requirements: ['RT-CREATE-MISSING-ARGS-ERROR'],
  run: async (ctx) => {
    const call = await ctx.runtime.call(['create', '--bundle', ctx.bundle]);
    ctx.expectError('RT-CREATE-MISSING-ARGS-ERROR', call, 'create with --bundle and no container id');
  },
});
