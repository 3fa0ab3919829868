import { defineCase } from '../case.js';
import { UP } from '../_lib/lifecycle.js';

/**
 * One container through its life: created after create, running after start,
 * stopped after its process is killed; and never 'creating' once create returned.
 */
export default defineCase({
  id: 'state.status.transitions',
  title: 'status goes created -> running -> stopped as the container is created, started and killed',
  requirements: ['RT-STATE-STATUS-VALUES', 'RT-QUERY-STATE-RETURNS-STATE'],
  config: (c) => c.withScript(UP),
  run: async (ctx) => {
    await ctx.create();
    const seen: string[] = [String((await ctx.state()).status)];
    await ctx.start();
    await ctx.waitForOutput('up');
    seen.push(String((await ctx.state()).status));
    await ctx.kill('SIGKILL');
    seen.push(String((await ctx.waitStopped()).status));
    ctx.expectEqual('RT-STATE-STATUS-VALUES', 'status after create, start and kill', ['created', 'running', 'stopped'], seen);
  },
});
