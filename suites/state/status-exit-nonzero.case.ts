import { defineCase } from '../case.js';

/** A program that fails (exit 3) still ends the container in status stopped, like a clean exit. */
export default defineCase({
  id: 'state.status.exit-nonzero',
  title: 'a container whose program exits with a non-zero status is stopped',
  requirements: ['RT-STATE-STATUS-VALUES'],
  config: (c) => c.withScript('echo bye; exit 3'),
  run: async (ctx) => {
    await ctx.create();
    await ctx.start();
    const s = await ctx.waitStopped();
    ctx.expectEqual('RT-STATE-STATUS-VALUES', 'state.status after the program exited 3', 'stopped', s.status);
    ctx.expectEqual('RT-STATE-STATUS-VALUES', 'container stdout', 'bye\n', await ctx.readStdout());
  },
});
