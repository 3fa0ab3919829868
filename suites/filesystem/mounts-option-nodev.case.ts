import { defineCase, HOLD, startHeld } from '../case.js';
import { chargeable } from '../_lib/requirements.js';
import { containerMount } from './_lib/mounts.js';

/** The mount option nodev on a tmpfs mount is a per-mount flag of that mount (mountinfo, read from the host). */
export default defineCase({
  id: 'filesystem.mounts.option.nodev',
  title: 'the nodev mount option is set on the mount',
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  also: ['CFG-MOUNT-OPTION-NODEV'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-nodev', type: 'tmpfs', source: 'tmpfs', options: ['nodev', 'size=1m'] }).withScript(HOLD),
  run: async (ctx) => {
    const req = chargeable(ctx, 'CFG-MOUNT-OPTION-NODEV', 'CFG-MOUNT-OPTIONS-APPLIED');
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-nodev');
    ctx.expect(req, !!m?.options.includes('nodev'), { message: 'per-mount options of /mnt/h8-nodev lack nodev', expected: 'nodev', actual: m?.options });
  },
});
