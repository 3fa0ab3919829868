import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';

const MUST: readonly string[] = ['relatime'];
const MUST_NOT: readonly string[] = ['noatime'];

/** The relatime mount option (1.1.0 table) shows in the mount's per-mount flags in mountinfo, read from the host. */
export default defineCase({
  id: 'filesystem.mounts.option.relatime',
  title: 'the relatime mount option is applied to the mount',
  requirements: ['CFG-MOUNT-OPTION-RELATIME'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-relatime', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'relatime'] }).withScript(HOLD),
  run: async (ctx) => {
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-relatime');
    if (!ctx.expect('CFG-MOUNT-OPTION-RELATIME', m !== undefined, { message: 'no mount at /mnt/h8-relatime' })) return;
    const flags = m?.options ?? [];
    for (const f of MUST) ctx.expect('CFG-MOUNT-OPTION-RELATIME', flags.includes(f), { message: `per-mount flags of /mnt/h8-relatime lack ${f}`, expected: f, actual: flags });
    for (const f of MUST_NOT) ctx.expect('CFG-MOUNT-OPTION-RELATIME', !flags.includes(f), { message: `per-mount flags of /mnt/h8-relatime still have ${f}`, actual: flags });
  },
});
