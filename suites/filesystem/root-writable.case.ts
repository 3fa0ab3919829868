import { defineCase } from '../case.js';

/** root.readonly false: the program can write to its root filesystem. */
export default defineCase({
  id: 'filesystem.root.writable',
  title: 'with root.readonly false the root filesystem is writable',
  requirements: ['CFG-ROOT-WRITABLE-DEFAULT'],
  config: (c) => c.withRootReadonly(false).withScript('echo h8 > /h8-probe && cat /h8-probe'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('CFG-ROOT-WRITABLE-DEFAULT', 'writing and reading /h8-probe inside', 'h8\n', stdout);
  },
});
