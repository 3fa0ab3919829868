import { defineCase } from '../case.js';
import { chargeable } from '../_lib/requirements.js';

/** A tmpfs mount with 'ro' refuses writes from the program. */
export default defineCase({
  id: 'filesystem.mounts.option.ro-applied',
  title: "a mount with 'ro' cannot be written",
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  also: ['CFG-MOUNT-OPTION-RO'],
  config: (c) =>
    c
      .withMount({ destination: '/mnt/h8-ro-w', type: 'tmpfs', source: 'tmpfs', options: ['ro', 'size=1m'] })
      .withScript('if touch /mnt/h8-ro-w/f 2>/dev/null; then echo wrote; else echo refused; fi'),
  run: async (ctx) => {
    const req = chargeable(ctx, 'CFG-MOUNT-OPTION-RO', 'CFG-MOUNT-OPTIONS-APPLIED');
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual(req, 'creating a file on the ro mount', 'refused\n', stdout);
  },
});
