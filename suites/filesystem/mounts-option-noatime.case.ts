import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';

const MUST: readonly string[] = ['noatime'];
const MUST_NOT: readonly string[] = ['relatime'];

/** The noatime mount option (1.1.0 table) shows in the mount's per-mount flags in mountinfo, read from the host. */
export default defineCase({
  id: 'filesystem.mounts.option.noatime',
  title: 'the noatime mount option is applied to the mount',
  requirements: ['CFG-MOUNT-OPTION-NOATIME'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-noatime', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'noatime'] }).withScript(HOLD),
  run: async (ctx) => {
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-noatime');
    if (!ctx.expect('CFG-MOUNT-OPTION-NOATIME', m !== undefined, { message: 'no mount at /mnt/h8-noatime' })) return;
    const flags = m?.options ?? [];
    for (const f of MUST) ctx.expect('CFG-MOUNT-OPTION-NOATIME', flags.includes(f), { message: `per-mount flags of /mnt/h8-noatime lack ${f}`, expected: f, actual: flags });
    for (const f of MUST_NOT) ctx.expect('CFG-MOUNT-OPTION-NOATIME', !flags.includes(f), { message: `per-mount flags of /mnt/h8-noatime still have ${f}`, actual: flags });
  },
});
