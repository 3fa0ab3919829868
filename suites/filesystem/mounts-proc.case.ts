import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';

/** A proc mount at a second place: a proc filesystem at that destination. */
export default defineCase({
  id: 'filesystem.mounts.proc',
  title: 'a mount of type proc makes a proc filesystem at its destination',
  requirements: ['CFG-MOUNT-APPLIED'],
  config: (c) => c.withMount({ destination: '/mnt/h8-proc', type: 'proc', source: 'proc' }).withScript(HOLD),
  run: async (ctx) => {
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-proc');
    ctx.expectEqual('CFG-MOUNT-APPLIED', 'filesystem type at /mnt/h8-proc', 'proc', m?.fstype);
  },
});
