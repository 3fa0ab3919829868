import { defineCase, type InsideResult, insideScript } from '../case.js';

/** /dev/random is supplied: a character device 1:8, and reading 4 bytes gives 4. */
export default defineCase({
  id: 'filesystem.default-devices.random',
  title: '/dev/random is the 1:8 character device and works',
  requirements: ['LNX-DEFAULT-DEVICES'],
  needs: ['root'],
  config: (c) => c.withScript(insideScript({ node: "stat -c '%F %t:%T' /dev/random", use: 'head -c 4 /dev/random | wc -c' })),
  run: async (ctx) => {
    const r = await ctx.inside<InsideResult<'node' | 'use'>>();
    ctx.expectEqual('LNX-DEFAULT-DEVICES', 'type and major:minor (hex) of /dev/random', 'character special file 1:8', r.node);
    ctx.expectEqual('LNX-DEFAULT-DEVICES', 'using /dev/random', '4', r.use.trim());
  },
});
