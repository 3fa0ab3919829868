import { defineCase } from '../../case.js';

/** A container that does not exist is neither created nor running: kill of an unknown ID must fail. */
export default defineCase({
  id: 'lifecycle.ops.kill.unknown-id',
  title: 'kill of an ID no container has fails',
  requirements: ['RT-KILL-NOT-RUNNING-ERROR'],
  needs: ['root'],
  run: async (ctx) => {
    ctx.expectError('RT-KILL-NOT-RUNNING-ERROR', await ctx.runtime.kill(`${ctx.id}-none`, 'SIGKILL'), 'kill of an unknown container id');
  },
});
