import { defineCase } from '../case.js';
import { HOLD, startHeld } from '../process/_lib/running.js';
import { containerMount } from './_lib/mounts.js';

/**
 * linux.rootfsPropagation private: the container's root mount has private propagation.
 */
export default defineCase({
  id: 'filesystem.rootfs-propagation.private',
  title: 'rootfsPropagation private is the propagation of the container root mount',
  requirements: ['LNX-ROOTFS-PROPAGATION-APPLIED'],
  needs: ['root'],
  config: (c) => c.withRootfsPropagation('private').withScript(HOLD),
  run: async (ctx) => {
    const root = await containerMount(await startHeld(ctx), '/');
    ctx.expectEqual('LNX-ROOTFS-PROPAGATION-APPLIED', 'propagation of the container root (optional fields: ' + JSON.stringify(root?.optional ?? []) + ')', 'private', root?.propagation);
  },
});
