import { defineCase } from '../case.js';

/** A bare program name in args[0] is looked up like execvp's file: `echo` is found through PATH. */
export default defineCase({
  id: 'process.args.path-lookup',
  title: 'args[0] without a slash is found through PATH, as execvp does',
  requirements: ['CFG-PROCESS-ARGS-APPLIED'],
  config: (c) => c.withArgs('echo', 'found', 'through PATH'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('CFG-PROCESS-ARGS-APPLIED', 'stdout of `echo found "through PATH"`', 'found through PATH\n', stdout);
  },
});
