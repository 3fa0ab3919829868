import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';

const MUST: readonly string[] = ['nosymfollow'];
const MUST_NOT: readonly string[] = [];

/** The nosymfollow mount option (1.1.0 table) shows in the mount's per-mount flags in mountinfo, read from the host. */
export default defineCase({
  id: 'filesystem.mounts.option.nosymfollow',
  title: 'the nosymfollow mount option is applied to the mount',
  requirements: ['CFG-MOUNT-OPTION-NOSYMFOLLOW'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-nosymfollow', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'nosymfollow'] }).withScript(HOLD),
  run: async (ctx) => {
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-nosymfollow');
    if (!ctx.expect('CFG-MOUNT-OPTION-NOSYMFOLLOW', m !== undefined, { message: 'no mount at /mnt/h8-nosymfollow' })) return;
    const flags = m?.options ?? [];
    for (const f of MUST) ctx.expect('CFG-MOUNT-OPTION-NOSYMFOLLOW', flags.includes(f), { message: `per-mount flags of /mnt/h8-nosymfollow lack ${f}`, expected: f, actual: flags });
    for (const f of MUST_NOT) ctx.expect('CFG-MOUNT-OPTION-NOSYMFOLLOW', !flags.includes(f), { message: `per-mount flags of /mnt/h8-nosymfollow still have ${f}`, actual: flags });
  },
});
