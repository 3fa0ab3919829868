import { defineCase, type InsideResult, insideScript } from '../case.js';

/** /dev/zero is supplied: a character device 1:5, and reading 4 bytes gives 4. */
export default defineCase({
  id: 'filesystem.default-devices.zero',
  title: '/dev/zero is the 1:5 character device and works',
  requirements: ['LNX-DEFAULT-DEVICES'],
  needs: ['root'],
  config: (c) => c.withScript(insideScript({ node: "stat -c '%F %t:%T' /dev/zero", use: 'head -c 4 /dev/zero | wc -c' })),
  run: async (ctx) => {
    const r = await ctx.inside<InsideResult<'node' | 'use'>>();
    ctx.expectEqual('LNX-DEFAULT-DEVICES', 'type and major:minor (hex) of /dev/zero', 'character special file 1:5', r.node);
    ctx.expectEqual('LNX-DEFAULT-DEVICES', 'using /dev/zero', '4', r.use.trim());
  },
});
