import { defineCase, type InsideResult, insideScript } from '../case.js';

/** /dev/null is supplied: a character device 1:3, and writing to it succeeds. */
export default defineCase({
  id: 'filesystem.default-devices.null',
  title: '/dev/null is the 1:3 character device and works',
  requirements: ['LNX-DEFAULT-DEVICES'],
  needs: ['root'],
  config: (c) => c.withScript(insideScript({ node: "stat -c '%F %t:%T' /dev/null", use: 'echo x > /dev/null && echo usable' })),
  run: async (ctx) => {
    const r = await ctx.inside<InsideResult<'node' | 'use'>>();
    ctx.expectEqual('LNX-DEFAULT-DEVICES', 'type and major:minor (hex) of /dev/null', 'character special file 1:3', r.node);
    ctx.expectEqual('LNX-DEFAULT-DEVICES', 'using /dev/null', 'usable', r.use.trim());
  },
});
