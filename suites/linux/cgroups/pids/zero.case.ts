import { defineCase } from '../../../case.js';
import { applied } from '../_lib/resources.js';

/**
 * pids.limit 0 is a real limit (no new tasks), not "unset": pids.max of the
 * container cgroup reads 0. The program is never started, so it doesn't matter
 * that it could not fork.
 */
export default defineCase({
  id: 'linux.cgroups.pids.zero',
  title: 'pids.limit 0 is applied as a limit of zero tasks',
  requirements: ['LNX-PIDS-ZERO-VALID', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-pids'],
  config: (c) => c.withPidsLimit(0),
  run: async (ctx) => {
    const o = await applied(ctx, [], { apply: 'LNX-PIDS-ZERO-VALID', noContainer: 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER' });
    if (!o) return;
    ctx.expectEqual('LNX-PIDS-ZERO-VALID', 'pids.max of the container cgroup (-1 = max)', 0, o.pids?.limit);
  },
});
