import { defineCase, HOLD, startHeld } from '../case.js';
import { chargeable } from '../_lib/requirements.js';
import { containerMount } from './_lib/mounts.js';

/** The mount option noexec on a tmpfs mount is a per-mount flag of that mount (mountinfo, read from the host). */
export default defineCase({
  id: 'filesystem.mounts.option.noexec',
  title: 'the noexec mount option is set on the mount',
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  also: ['CFG-MOUNT-OPTION-NOEXEC'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-noexec', type: 'tmpfs', source: 'tmpfs', options: ['noexec', 'size=1m'] }).withScript(HOLD),
  run: async (ctx) => {
    const req = chargeable(ctx, 'CFG-MOUNT-OPTION-NOEXEC', 'CFG-MOUNT-OPTIONS-APPLIED');
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-noexec');
    ctx.expect(req, !!m?.options.includes('noexec'), { message: 'per-mount options of /mnt/h8-noexec lack noexec', expected: 'noexec', actual: m?.options });
  },
});
