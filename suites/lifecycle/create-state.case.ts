import { defineCase } from '../case.js';

/**
 * After `create` the container exists but the user program has not run: state
 * says `created`, names the id we gave and the bundle we passed, and has a pid.
 */
export default defineCase({
  id: 'lifecycle.create.state',
  title: 'after create, state reports created with our id, bundle and a pid, and the program has not run',
  requirements: ['RT-QUERY-STATE-RETURNS-STATE', 'RT-STATE-STATUS-VALUES', 'RT-CREATE-PROCESS-NOT-RUN'],
  config: (c) => c.withScript('echo ran'),
  run: async (ctx) => {
    await ctx.create();
    const s = await ctx.state();
    ctx.expectEqual('RT-QUERY-STATE-RETURNS-STATE', 'state.id', ctx.id, s.id);
    ctx.expectEqual('RT-QUERY-STATE-RETURNS-STATE', 'state.bundle', ctx.bundle, s.bundle);
    ctx.expect('RT-QUERY-STATE-RETURNS-STATE', typeof s.pid === 'number' && s.pid > 0, {
      message: 'state.pid of a created container is a positive integer',
      expected: '> 0',
      actual: s.pid,
    });
    ctx.expectEqual('RT-STATE-STATUS-VALUES', 'state.status', 'created', s.status);
    ctx.expectEqual('RT-CREATE-PROCESS-NOT-RUN', 'container stdout before start', '', await ctx.readStdout());
  },
});
