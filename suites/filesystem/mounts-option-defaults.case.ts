import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';

/**
 * 'defaults' (1.1.0 table) means mount(8)'s defaults: rw, suid, dev, exec,
 * async. A runtime must take it as such, not hand it to the filesystem.
 */
export default defineCase({
  id: 'filesystem.mounts.option.defaults',
  title: "the 'defaults' mount option is understood and gives a read-write, exec, suid, dev mount",
  requirements: ['CFG-MOUNT-OPTION-DEFAULTS'],
  config: (c) => c.withMount({ destination: '/mnt/h8-defaults', type: 'tmpfs', source: 'tmpfs', options: ['defaults', 'size=1m'] }).withScript(HOLD),
  run: async (ctx) => {
    const m = await containerMount(await startHeld(ctx), '/mnt/h8-defaults');
    if (!ctx.expect('CFG-MOUNT-OPTION-DEFAULTS', m !== undefined, { message: 'no mount at /mnt/h8-defaults' })) return;
    for (const bad of ['ro', 'nosuid', 'nodev', 'noexec']) {
      ctx.expect('CFG-MOUNT-OPTION-DEFAULTS', !m?.options.includes(bad), { message: `/mnt/h8-defaults has ${bad}`, actual: m?.options });
    }
  },
});
