import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';

const MUST: readonly string[] = ['dirsync'];
const MUST_NOT: readonly string[] = [];

/** The dirsync mount option (1.1.0 table) shows in the mount's superblock flags in mountinfo, read from the host. */
export default defineCase({
  id: 'filesystem.mounts.option.dirsync',
  title: 'the dirsync mount option is applied to the mount',
  requirements: ['CFG-MOUNT-OPTION-DIRSYNC'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-dirsync', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'dirsync'] }).withScript(HOLD),
  run: async (ctx) => {
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-dirsync');
    if (!ctx.expect('CFG-MOUNT-OPTION-DIRSYNC', m !== undefined, { message: 'no mount at /mnt/h8-dirsync' })) return;
    const flags = m?.superOptions ?? [];
    for (const f of MUST) ctx.expect('CFG-MOUNT-OPTION-DIRSYNC', flags.includes(f), { message: `superblock flags of /mnt/h8-dirsync lack ${f}`, expected: f, actual: flags });
    for (const f of MUST_NOT) ctx.expect('CFG-MOUNT-OPTION-DIRSYNC', !flags.includes(f), { message: `superblock flags of /mnt/h8-dirsync still have ${f}`, actual: flags });
  },
});
