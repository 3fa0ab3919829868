import { defineCase } from '../case.js';
import { putInRootfs } from './_lib/write.js';

/** A bind mount source given as a relative path is taken relative to the bundle directory. */
export default defineCase({
  id: 'filesystem.mounts.bind-relative-source',
  title: 'a relative bind mount source is resolved against the bundle',
  requirements: ['CFG-MOUNT-APPLIED'],
  config: (c) =>
    c.withMount({ destination: '/mnt/h8-rel-src', type: 'bind', source: 'rootfs/etc/h8-rel', options: ['bind'] }).withScript('cat /mnt/h8-rel-src/marker'),
  run: async (ctx) => {
    await putInRootfs(ctx.bundle, '/etc/h8-rel/marker', 'h8-relative-source\n');
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('CFG-MOUNT-APPLIED', 'cat /mnt/h8-rel-src/marker inside', 'h8-relative-source\n', stdout);
  },
});
