import { defineCase, HOLD, readMountinfo, startHeld } from '../case.js';

/** Two mounts at one destination stack in array order: tmpfs first, proc on top of it. */
export default defineCase({
  id: 'filesystem.mounts.order.stacked',
  title: 'two mounts at one destination stack in the order listed',
  requirements: ['CFG-MOUNTS-ORDER'],
  config: (c) =>
    c
      .withMount({ destination: '/mnt/h8-stack', type: 'tmpfs', source: 'tmpfs', options: ['size=1m'] })
      .withMount({ destination: '/mnt/h8-stack', type: 'proc', source: 'proc' })
      .withScript(HOLD),
  run: async (ctx) => {
    const at = (await readMountinfo(await startHeld(ctx))).filter((m) => m.mountPoint === '/mnt/h8-stack');
    ctx.expectEqual('CFG-MOUNTS-ORDER', 'filesystem types mounted at /mnt/h8-stack, bottom first', ['tmpfs', 'proc'], at.map((m) => m.fstype));
  },
});
