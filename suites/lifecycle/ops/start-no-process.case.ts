import { createOrRefusal, defineCase } from '../../case.js';

/**
 * A config without `process` is valid to create (process is only needed by
 * start), and start must then fail because there is no program to run.
 */
export default defineCase({
  id: 'lifecycle.ops.start.no-process',
  title: 'create accepts a config without process, and start of it fails',
  requirements: ['RT-START-NO-PROCESS-ERROR', 'RT-CREATE-NEW-CONTAINER'],
  config: (c) => c.withoutProcess(),
  run: async (ctx) => {
    const refused = await createOrRefusal(ctx);
    if (refused !== undefined) {
      ctx.expect('RT-CREATE-NEW-CONTAINER', false, { message: `create refused a config without process (process is only required by start): ${refused}` });
      return;
    }
    const call = await ctx.runtime.start(ctx.id);
    ctx.expectError('RT-START-NO-PROCESS-ERROR', call, 'start of a container whose config has no process');
  },
});
