import { defineCase } from '../case.js';

/** process.cwd is the working directory of the program (physical path, no symlinks involved). */
export default defineCase({
  id: 'process.cwd.set',
  title: 'the program starts in process.cwd',
  requirements: ['CFG-PROCESS-CWD-APPLIED'],
  config: (c) => c.withCwd('/home/oci').withScript('pwd -P'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('CFG-PROCESS-CWD-APPLIED', 'output of `pwd -P` inside', '/home/oci\n', stdout);
  },
});
