import { defineCase, type InsideResult, insideScript } from '../case.js';

/** /dev/urandom is supplied: a character device 1:9, and reading 4 bytes gives 4. */
export default defineCase({
  id: 'filesystem.default-devices.urandom',
  title: '/dev/urandom is the 1:9 character device and works',
  requirements: ['LNX-DEFAULT-DEVICES'],
  needs: ['root'],
  config: (c) => c.withScript(insideScript({ node: "stat -c '%F %t:%T' /dev/urandom", use: 'head -c 4 /dev/urandom | wc -c' })),
  run: async (ctx) => {
    const r = await ctx.inside<InsideResult<'node' | 'use'>>();
    ctx.expectEqual('LNX-DEFAULT-DEVICES', 'type and major:minor (hex) of /dev/urandom', 'character special file 1:9', r.node);
    ctx.expectEqual('LNX-DEFAULT-DEVICES', 'using /dev/urandom', '4', r.use.trim());
  },
});
