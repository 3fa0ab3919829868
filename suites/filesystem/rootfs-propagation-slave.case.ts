import { defineCase } from '../case.js';
import { HOLD, startHeld } from '../process/_lib/running.js';
import { containerMount, hostMountHolding } from './_lib/mounts.js';

/**
 * linux.rootfsPropagation slave: the container's root mount has slave propagation.
 * A slave needs a shared master: when the host mount holding the bundle is
 * not shared, the root can only end up private, and the case skips.
 */
export default defineCase({
  id: 'filesystem.rootfs-propagation.slave',
  title: 'rootfsPropagation slave is the propagation of the container root mount',
  requirements: ['LNX-ROOTFS-PROPAGATION-APPLIED'],
  needs: ['root'],
  config: (c) => c.withRootfsPropagation('slave').withScript(HOLD),
  run: async (ctx) => {
    const holding = await hostMountHolding(ctx.bundle);
    if (holding?.propagation !== 'shared' && holding?.propagation !== 'shared+slave') {
      ctx.skip(`the host mount holding the bundle (${holding?.mountPoint ?? '?'}) is ${holding?.propagation ?? 'unknown'}, not shared, so a slave root would have no master`);
    }
    const root = await containerMount(await startHeld(ctx), '/');
    ctx.expectEqual('LNX-ROOTFS-PROPAGATION-APPLIED', 'propagation of the container root (optional fields: ' + JSON.stringify(root?.optional ?? []) + ')', 'slave', root?.propagation);
  },
});
