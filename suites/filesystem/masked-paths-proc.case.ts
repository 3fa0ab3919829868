import { defineCase } from '../case.js';

/** The default masked /proc/timer_list (listed in the config) gives nothing to read inside. */
export default defineCase({
  id: 'filesystem.masked-paths.proc',
  title: 'a masked /proc file gives nothing to read',
  requirements: ['LNX-MASKED-PATHS-APPLIED'],
  config: (c) => c.withMaskedPaths('/proc/timer_list', '/proc/kcore').withScript('head -c 64 /proc/timer_list | wc -c'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('LNX-MASKED-PATHS-APPLIED', 'bytes read from the masked /proc/timer_list', '0', stdout.trim());
  },
});
