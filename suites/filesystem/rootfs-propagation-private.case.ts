import { join } from 'node:path';
import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';
import { sharedBind } from './_lib/shared-bind.js';

/**
 * linux.rootfsPropagation private: the container's root mount has private
 * propagation. The bundle's rootfs is first made a shared mount on the host,
 * so a runtime that left the root as it found it (or made it a slave, runc's
 * default) would show shared or master:N, not private.
 */
export default defineCase({
  id: 'filesystem.rootfs-propagation.private',
  title: 'rootfsPropagation private is the propagation of the container root mount, even from a shared rootfs',
  requirements: ['LNX-ROOTFS-PROPAGATION-APPLIED'],
  config: (c) => c.withRootfsPropagation('private').withScript(HOLD),
  run: async (ctx) => {
    const bind = await sharedBind(join(ctx.bundle, 'rootfs'));
    if (typeof bind === 'string') return ctx.skip(`the rootfs could not be made a shared mount, so private could not be told from the default: ${bind}`);
    try {
      const root = await containerMount(await startHeld(ctx), '/');
      ctx.expectEqual('LNX-ROOTFS-PROPAGATION-APPLIED', `propagation of the container root, from a shared rootfs (optional fields: ${JSON.stringify(root?.optional ?? [])})`, 'private', root?.propagation);
    } finally {
      await bind.release();
    }
  },
});
