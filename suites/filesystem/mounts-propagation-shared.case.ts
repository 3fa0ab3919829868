import { defineCase, HOLD, startHeld } from '../case.js';
import { chargeable } from '../_lib/requirements.js';
import { containerMount } from './_lib/mounts.js';

/** The propagation option shared on a fresh tmpfs mount is its propagation type (mountinfo optional fields). */
export default defineCase({
  id: 'filesystem.mounts.propagation.shared',
  title: 'the shared mount option gives the mount shared propagation',
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  also: ['CFG-MOUNT-OPTION-SHARED'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-prop-shared', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'shared'] }).withScript(HOLD),
  run: async (ctx) => {
    const req = chargeable(ctx, 'CFG-MOUNT-OPTION-SHARED', 'CFG-MOUNT-OPTIONS-APPLIED');
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-prop-shared');
    ctx.expectEqual(req, 'propagation of /mnt/h8-prop-shared (optional fields: ' + JSON.stringify(m?.optional ?? []) + ')', 'shared', m?.propagation);
  },
});
