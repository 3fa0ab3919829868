import { defineCase, HOLD, startHeld } from '../case.js';
import { chargeable } from '../_lib/requirements.js';
import { containerMount } from './_lib/mounts.js';

/** The mount option ro on a tmpfs mount is a per-mount flag of that mount (mountinfo, read from the host). */
export default defineCase({
  id: 'filesystem.mounts.option.ro',
  title: 'the ro mount option is set on the mount',
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  also: ['CFG-MOUNT-OPTION-RO'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-ro', type: 'tmpfs', source: 'tmpfs', options: ['ro', 'size=1m'] }).withScript(HOLD),
  run: async (ctx) => {
    const req = chargeable(ctx, 'CFG-MOUNT-OPTION-RO', 'CFG-MOUNT-OPTIONS-APPLIED');
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-ro');
    ctx.expect(req, !!m?.options.includes('ro'), { message: 'per-mount options of /mnt/h8-ro lack ro', expected: 'ro', actual: m?.options });
  },
});
