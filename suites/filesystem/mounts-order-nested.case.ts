import { defineCase, HOLD, mountAt, readMountinfo, startHeld } from '../case.js';

/**
 * Mounts are made in array order: a tmpfs at /mnt/h8-order, then one at
 * /mnt/h8-order/sub. In that order the second sits on the first; the other
 * way round the first would hide the second.
 */
export default defineCase({
  id: 'filesystem.mounts.order.nested',
  title: 'a mount listed after its parent mount is made on top of it',
  requirements: ['CFG-MOUNTS-ORDER'],
  config: (c) =>
    c
      .withMount({ destination: '/mnt/h8-order', type: 'tmpfs', source: 'tmpfs', options: ['size=1m'] })
      .withMount({ destination: '/mnt/h8-order/sub', type: 'tmpfs', source: 'tmpfs', options: ['size=1m'] })
      .withScript(HOLD),
  run: async (ctx) => {
    const mounts = await readMountinfo(await startHeld(ctx));
    const parent = mountAt(mounts, '/mnt/h8-order');
    const child = mountAt(mounts, '/mnt/h8-order/sub');
    if (!ctx.expect('CFG-MOUNTS-ORDER', !!parent && !!child, { message: 'both mounts are in mountinfo', actual: { parent: !!parent, child: !!child } })) return;
    ctx.expectEqual('CFG-MOUNTS-ORDER', 'parent mount id of /mnt/h8-order/sub', parent?.id, child?.parentId);
  },
});
