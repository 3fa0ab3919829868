import { defineCase } from '../case.js';
import { chargeable } from '../_lib/requirements.js';
import { HOLD, startHeld } from '../process/_lib/running.js';
import { containerMount } from './_lib/mounts.js';

/** The propagation option private on a fresh tmpfs mount is its propagation type (mountinfo optional fields). */
export default defineCase({
  id: 'filesystem.mounts.propagation.private',
  title: 'the private mount option gives the mount private propagation',
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  also: ['CFG-MOUNT-OPTION-PRIVATE'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-prop-private', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'private'] }).withScript(HOLD),
  run: async (ctx) => {
    const req = chargeable(ctx, 'CFG-MOUNT-OPTION-PRIVATE', 'CFG-MOUNT-OPTIONS-APPLIED');
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-prop-private');
    ctx.expectEqual(req, 'propagation of /mnt/h8-prop-private (optional fields: ' + JSON.stringify(m?.optional ?? []) + ')', 'private', m?.propagation);
  },
});
