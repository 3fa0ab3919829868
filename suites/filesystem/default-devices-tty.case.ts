import { defineCase, type InsideResult, insideScript } from '../case.js';

/** /dev/tty is supplied: a character device 5:0, and it exists (opening it needs a controlling terminal). */
export default defineCase({
  id: 'filesystem.default-devices.tty',
  title: '/dev/tty is the 5:0 character device and works',
  requirements: ['LNX-DEFAULT-DEVICES'],
  needs: ['root'],
  config: (c) => c.withScript(insideScript({ node: "stat -c '%F %t:%T' /dev/tty", use: 'echo -' })),
  run: async (ctx) => {
    const r = await ctx.inside<InsideResult<'node' | 'use'>>();
    ctx.expectEqual('LNX-DEFAULT-DEVICES', 'type and major:minor (hex) of /dev/tty', 'character special file 5:0', r.node);
    ctx.expectEqual('LNX-DEFAULT-DEVICES', 'using /dev/tty', '-', r.use.trim());
  },
});
