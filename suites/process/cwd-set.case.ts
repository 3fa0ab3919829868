import { defineCase } from '../case.js';

/** process.cwd is the working directory of the program (physical path, no symlinks involved). */
export default defineCase({
  id: 'process.cwd.set',
  title: 'the program starts in process.cwd',
  requirements: ['RT-START-RUNS-PROCESS'],
  needs: ['root'],
  config: (c) => c.withCwd('/home/oci').withScript('pwd -P'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('RT-START-RUNS-PROCESS', 'output of `pwd -P` inside', '/home/oci\n', stdout);
  },
});
