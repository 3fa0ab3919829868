import { defineCase, HOLD, startHeld } from '../case.js';
import { chargeable } from '../_lib/requirements.js';
import { containerMount } from './_lib/mounts.js';

/**
 * The propagation option private is the mount's propagation type (mountinfo
 * optional fields). A tmpfs mounted below a shared mount is shared itself, so
 * the private tmpfs sits below a tmpfs mounted 'shared': ignoring 'private'
 * leaves it shared. When the parent is not shared (the runtime ignored
 * 'shared', see mounts.propagation.shared), nothing can be told and the case skips.
 */
export default defineCase({
  id: 'filesystem.mounts.propagation.private',
  title: 'the private mount option gives the mount private propagation, below a shared parent',
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  also: ['CFG-MOUNT-OPTION-PRIVATE'],
  config: (c) =>
    c
      .withMount({ destination: '/mnt/h8-prop-parent', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'shared'] })
      .withMount({ destination: '/mnt/h8-prop-parent/private', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', 'private'] })
      .withScript(HOLD),
  run: async (ctx) => {
    const req = chargeable(ctx, 'CFG-MOUNT-OPTION-PRIVATE', 'CFG-MOUNT-OPTIONS-APPLIED');
    const pid = await startHeld(ctx);
    const parent = await containerMount(pid, '/mnt/h8-prop-parent');
    if (parent?.propagation !== 'shared') ctx.skip(`the parent tmpfs mounted 'shared' is ${parent?.propagation ?? 'missing'}, so a private mount below it could not be told from an untouched one`);
    const m = await containerMount(pid, '/mnt/h8-prop-parent/private');
    ctx.expectEqual(req, `propagation of /mnt/h8-prop-parent/private, below a shared mount (optional fields: ${JSON.stringify(m?.optional ?? [])})`, 'private', m?.propagation);
  },
});
