import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';

const MUST: readonly string[] = ['sync'];
const MUST_NOT: readonly string[] = [];

/** The sync mount option (1.1.0 table) shows in the mount's superblock flags in mountinfo, read from the host. */
export default defineCase({
  id: 'filesystem.mounts.option.sync',
  title: 'the sync mount option is applied to the mount',
  requirements: ['CFG-MOUNT-OPTION-SYNC'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-sync', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'sync'] }).withScript(HOLD),
  run: async (ctx) => {
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-sync');
    if (!ctx.expect('CFG-MOUNT-OPTION-SYNC', m !== undefined, { message: 'no mount at /mnt/h8-sync' })) return;
    const flags = m?.superOptions ?? [];
    for (const f of MUST) ctx.expect('CFG-MOUNT-OPTION-SYNC', flags.includes(f), { message: `superblock flags of /mnt/h8-sync lack ${f}`, expected: f, actual: flags });
    for (const f of MUST_NOT) ctx.expect('CFG-MOUNT-OPTION-SYNC', !flags.includes(f), { message: `superblock flags of /mnt/h8-sync still have ${f}`, actual: flags });
  },
});
