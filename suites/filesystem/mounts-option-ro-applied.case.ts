import { defineCase } from '../case.js';

/** A tmpfs mount with 'ro' refuses writes from the program. */
export default defineCase({
  id: 'filesystem.mounts.option.ro-applied',
  title: "a mount with 'ro' cannot be written",
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  needs: ['root'],
  config: (c) =>
    c
      .withMount({ destination: '/mnt/h8-ro-w', type: 'tmpfs', source: 'tmpfs', options: ['ro', 'size=1m'] })
      .withScript('if touch /mnt/h8-ro-w/f 2>/dev/null; then echo wrote; else echo refused; fi'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('CFG-MOUNT-OPTIONS-APPLIED', 'creating a file on the ro mount', 'refused\n', stdout);
  },
});
