import { defineCase, type InsideResult, insideScript } from '../case.js';

/** /dev/full is supplied: a character device 1:7, and a write fails (no space). */
export default defineCase({
  id: 'filesystem.default-devices.full',
  title: '/dev/full is the 1:7 character device and works',
  requirements: ['LNX-DEFAULT-DEVICES'],
  needs: ['root'],
  config: (c) => c.withScript(insideScript({ node: "stat -c '%F %t:%T' /dev/full", use: 'if echo x > /dev/full 2>/dev/null; then echo wrote; else echo full; fi' })),
  run: async (ctx) => {
    const r = await ctx.inside<InsideResult<'node' | 'use'>>();
    ctx.expectEqual('LNX-DEFAULT-DEVICES', 'type and major:minor (hex) of /dev/full', 'character special file 1:7', r.node);
    ctx.expectEqual('LNX-DEFAULT-DEVICES', 'using /dev/full', 'full', r.use.trim());
  },
});
