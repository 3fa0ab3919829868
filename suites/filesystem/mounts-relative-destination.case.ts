import { defineCase } from '../case.js';
import { HOLD, startHeld } from '../process/_lib/running.js';
import { containerMount } from './_lib/mounts.js';

/** From 1.2.0 a relative mount destination on Linux is relative to the container's /: mnt/h8-rel is /mnt/h8-rel. */
export default defineCase({
  id: 'filesystem.mounts.relative-destination',
  title: 'a relative mount destination is taken from the container root',
  requirements: ['CFG-MOUNT-DESTINATION-RELATIVE-TO-ROOT'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: 'mnt/h8-rel', type: 'tmpfs', source: 'tmpfs', options: ['size=1m'] }).withScript(HOLD),
  run: async (ctx) => {
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-rel');
    ctx.expectEqual('CFG-MOUNT-DESTINATION-RELATIVE-TO-ROOT', 'filesystem type at /mnt/h8-rel', 'tmpfs', m?.fstype);
  },
});
