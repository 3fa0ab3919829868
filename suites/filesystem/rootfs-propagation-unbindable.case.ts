import { join } from 'node:path';
import { attempt, defineCase, HOLD, mountAt, readMountinfo } from '../case.js';

/**
 * linux.rootfsPropagation unbindable: the container's root mount is
 * unbindable. A runtime that can't build such a root must say so with an
 * error (as for any property it can't apply); what it must not do is run the
 * container with another propagation.
 */
export default defineCase({
  id: 'filesystem.rootfs-propagation.unbindable',
  title: 'rootfsPropagation unbindable makes the container root unbindable (or is refused)',
  requirements: ['LNX-ROOTFS-PROPAGATION-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-ERROR'],
  config: (c) => c.withRootfsPropagation('unbindable').withScript(HOLD),
  run: async (ctx) => {
    const pidFile = join(ctx.workDir, 'unbindable.pid');
    const a = await attempt(ctx.runtime, ctx, pidFile);
    if (a.failedAt) {
      ctx.note(`the runtime refused rootfsPropagation unbindable at ${a.failedAt}: ${a.call.stderr.trim().split('\n').pop() ?? ''}`);
      return;
    }
    const root = mountAt(await readMountinfo(await ctx.pid()), '/');
    ctx.expectEqual('LNX-ROOTFS-PROPAGATION-APPLIED', `propagation of the container root (optional fields: ${JSON.stringify(root?.optional ?? [])})`, 'unbindable', root?.propagation);
  },
});
