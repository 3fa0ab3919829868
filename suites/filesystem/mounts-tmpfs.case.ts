import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';

/** A tmpfs mount lands at its destination, with its filesystem data options (size, mode) applied. */
export default defineCase({
  id: 'filesystem.mounts.tmpfs',
  title: 'a tmpfs mount is made at its destination with its size and mode',
  requirements: ['CFG-MOUNT-APPLIED', 'CFG-MOUNT-OPTIONS-APPLIED'],
  config: (c) => c.withMount({ destination: '/mnt/h8-tmpfs', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'mode=710'] }).withScript(HOLD),
  run: async (ctx) => {
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-tmpfs');
    if (!ctx.expect('CFG-MOUNT-APPLIED', m !== undefined, { message: 'no mount at /mnt/h8-tmpfs' })) return;
    ctx.expectEqual('CFG-MOUNT-APPLIED', 'filesystem type at /mnt/h8-tmpfs', 'tmpfs', m?.fstype);
    for (const o of ['size=1024k', 'mode=710']) {
      ctx.expect('CFG-MOUNT-OPTIONS-APPLIED', !!m?.superOptions.includes(o), { message: `superblock option ${o} missing at /mnt/h8-tmpfs`, expected: o, actual: m?.superOptions });
    }
  },
});
