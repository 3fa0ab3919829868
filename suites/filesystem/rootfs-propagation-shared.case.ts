import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';

/**
 * linux.rootfsPropagation shared: the container's root mount has shared propagation.
 */
export default defineCase({
  id: 'filesystem.rootfs-propagation.shared',
  title: 'rootfsPropagation shared is the propagation of the container root mount',
  requirements: ['LNX-ROOTFS-PROPAGATION-APPLIED'],
  config: (c) => c.withRootfsPropagation('shared').withScript(HOLD),
  run: async (ctx) => {
    const root = await containerMount(await startHeld(ctx), '/');
    ctx.expectEqual('LNX-ROOTFS-PROPAGATION-APPLIED', 'propagation of the container root (optional fields: ' + JSON.stringify(root?.optional ?? []) + ')', 'shared', root?.propagation);
  },
});
