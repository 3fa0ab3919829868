import { defineCase, HOLD, startHeld } from '../case.js';
import { chargeable } from '../_lib/requirements.js';
import { containerMount } from './_lib/mounts.js';

/** The propagation option unbindable on a fresh tmpfs mount is its propagation type (mountinfo optional fields). */
export default defineCase({
  id: 'filesystem.mounts.propagation.unbindable',
  title: 'the unbindable mount option gives the mount unbindable propagation',
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  also: ['CFG-MOUNT-OPTION-UNBINDABLE'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-prop-unbindable', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'unbindable'] }).withScript(HOLD),
  run: async (ctx) => {
    const req = chargeable(ctx, 'CFG-MOUNT-OPTION-UNBINDABLE', 'CFG-MOUNT-OPTIONS-APPLIED');
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-prop-unbindable');
    ctx.expectEqual(req, 'propagation of /mnt/h8-prop-unbindable (optional fields: ' + JSON.stringify(m?.optional ?? []) + ')', 'unbindable', m?.propagation);
  },
});
