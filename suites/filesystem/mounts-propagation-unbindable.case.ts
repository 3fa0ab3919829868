import { defineCase } from '../case.js';
import { HOLD, startHeld } from '../process/_lib/running.js';
import { containerMount } from './_lib/mounts.js';

/** The propagation option unbindable on a fresh tmpfs mount is its propagation type (mountinfo optional fields). */
export default defineCase({
  id: 'filesystem.mounts.propagation.unbindable',
  title: 'the unbindable mount option gives the mount unbindable propagation',
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-prop-unbindable', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'unbindable'] }).withScript(HOLD),
  run: async (ctx) => {
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-prop-unbindable');
    ctx.expectEqual('CFG-MOUNT-OPTIONS-APPLIED', 'propagation of /mnt/h8-prop-unbindable (optional fields: ' + JSON.stringify(m?.optional ?? []) + ')', 'unbindable', m?.propagation);
  },
});
