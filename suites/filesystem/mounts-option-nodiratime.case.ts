import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';

const MUST: readonly string[] = ['nodiratime'];
const MUST_NOT: readonly string[] = [];

/** The nodiratime mount option (1.1.0 table) shows in the mount's per-mount flags in mountinfo, read from the host. */
export default defineCase({
  id: 'filesystem.mounts.option.nodiratime',
  title: 'the nodiratime mount option is applied to the mount',
  requirements: ['CFG-MOUNT-OPTION-NODIRATIME'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-nodiratime', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'nodiratime'] }).withScript(HOLD),
  run: async (ctx) => {
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-nodiratime');
    if (!ctx.expect('CFG-MOUNT-OPTION-NODIRATIME', m !== undefined, { message: 'no mount at /mnt/h8-nodiratime' })) return;
    const flags = m?.options ?? [];
    for (const f of MUST) ctx.expect('CFG-MOUNT-OPTION-NODIRATIME', flags.includes(f), { message: `per-mount flags of /mnt/h8-nodiratime lack ${f}`, expected: f, actual: flags });
    for (const f of MUST_NOT) ctx.expect('CFG-MOUNT-OPTION-NODIRATIME', !flags.includes(f), { message: `per-mount flags of /mnt/h8-nodiratime still have ${f}`, actual: flags });
  },
});
