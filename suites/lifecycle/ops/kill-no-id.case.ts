import { defineCase } from '../../case.js';

/** `kill` with no container ID must fail. */
export default defineCase({
  id: 'lifecycle.ops.kill.no-id',
  title: 'kill without a container ID fails',
  requirements: ['RT-KILL-NO-ID-ERROR'],
  needs: ['root'],
  run: async (ctx) => {
    ctx.expectError('RT-KILL-NO-ID-ERROR', await ctx.runtime.call(['kill']), 'kill with no container id');
  },
});
