import { defineCase, HOLD, startHeld } from '../case.js';
import { chargeable } from '../_lib/requirements.js';
import { containerMount } from './_lib/mounts.js';

/** The mount option nosuid on a tmpfs mount is a per-mount flag of that mount (mountinfo, read from the host). */
export default defineCase({
  id: 'filesystem.mounts.option.nosuid',
  title: 'the nosuid mount option is set on the mount',
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  also: ['CFG-MOUNT-OPTION-NOSUID'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-nosuid', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'size=1m'] }).withScript(HOLD),
  run: async (ctx) => {
    const req = chargeable(ctx, 'CFG-MOUNT-OPTION-NOSUID', 'CFG-MOUNT-OPTIONS-APPLIED');
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-nosuid');
    ctx.expect(req, !!m?.options.includes('nosuid'), { message: 'per-mount options of /mnt/h8-nosuid lack nosuid', expected: 'nosuid', actual: m?.options });
  },
});
