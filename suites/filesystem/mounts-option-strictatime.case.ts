import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';

const MUST: readonly string[] = [];
const MUST_NOT: readonly string[] = ['noatime','relatime'];

/** The strictatime mount option (1.1.0 table) shows in the mount's per-mount flags in mountinfo, read from the host. */
export default defineCase({
  id: 'filesystem.mounts.option.strictatime',
  title: 'the strictatime mount option is applied to the mount',
  requirements: ['CFG-MOUNT-OPTION-STRICTATIME'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-strictatime', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'strictatime'] }).withScript(HOLD),
  run: async (ctx) => {
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-strictatime');
    if (!ctx.expect('CFG-MOUNT-OPTION-STRICTATIME', m !== undefined, { message: 'no mount at /mnt/h8-strictatime' })) return;
    const flags = m?.options ?? [];
    for (const f of MUST) ctx.expect('CFG-MOUNT-OPTION-STRICTATIME', flags.includes(f), { message: `per-mount flags of /mnt/h8-strictatime lack ${f}`, expected: f, actual: flags });
    for (const f of MUST_NOT) ctx.expect('CFG-MOUNT-OPTION-STRICTATIME', !flags.includes(f), { message: `per-mount flags of /mnt/h8-strictatime still have ${f}`, actual: flags });
  },
});
