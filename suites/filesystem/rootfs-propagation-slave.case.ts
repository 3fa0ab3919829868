import { join } from 'node:path';
import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount, hostMountHolding } from './_lib/mounts.js';
import { sharedBind, type SharedBind } from './_lib/shared-bind.js';

/**
 * linux.rootfsPropagation slave: the container's root mount has slave propagation.
 * A slave needs a shared master: when the host mount holding the bundle is
 * not shared, the bundle's rootfs is made a shared bind mount of itself first
 * (unmounted after); when that can't be done, the case skips.
 */
export default defineCase({
  id: 'filesystem.rootfs-propagation.slave',
  title: 'rootfsPropagation slave is the propagation of the container root mount',
  requirements: ['LNX-ROOTFS-PROPAGATION-APPLIED'],
  config: (c) => c.withRootfsPropagation('slave').withScript(HOLD),
  run: async (ctx) => {
    const holding = await hostMountHolding(ctx.bundle);
    let bind: SharedBind | undefined;
    if (holding?.propagation !== 'shared' && holding?.propagation !== 'shared+slave') {
      const b = await sharedBind(join(ctx.bundle, 'rootfs'));
      if (typeof b === 'string') return ctx.skip(`the host mount holding the bundle (${holding?.mountPoint ?? '?'}) is ${holding?.propagation ?? 'unknown'}, not shared, and the rootfs could not be made a shared mount (${b}), so a slave root would have no master`);
      bind = b;
    }
    try {
      const root = await containerMount(await startHeld(ctx), '/');
      ctx.expectEqual('LNX-ROOTFS-PROPAGATION-APPLIED', 'propagation of the container root (optional fields: ' + JSON.stringify(root?.optional ?? []) + ')', 'slave', root?.propagation);
    } finally {
      await bind?.release();
    }
  },
});
