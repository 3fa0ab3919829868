import { defineCase } from '../case.js';

/** `start` runs exactly the configured program; once it exits, state says `stopped`. */
export default defineCase({
  id: 'lifecycle.start.runs-process',
  title: 'start runs process.args, and the container is stopped after the program exits',
  requirements: ['RT-START-RUNS-PROCESS', 'RT-STATE-STATUS-VALUES'],
  config: (c) => c.withScript('echo "$0:$1"', 'arg0', 'arg1'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('RT-START-RUNS-PROCESS', 'container stdout', 'arg0:arg1\n', stdout);
    const s = await ctx.state();
    ctx.expectEqual('RT-STATE-STATUS-VALUES', 'state.status after the program exited', 'stopped', s.status);
  },
});
