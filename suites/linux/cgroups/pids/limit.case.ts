import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** pids.limit 50: pids.max of the container cgroup. */
export default defineCase({
  id: 'linux.cgroups.pids.limit',
  title: 'pids.limit sets the task limit of the container cgroup',
  requirements: ['LNX-PIDS-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-pids'],
  config: (c) => c.withPidsLimit(50),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'pids.limit', pick: (o) => o.pids?.limit, expected: 50 }], applies('LNX-PIDS-APPLIED'));
  },
});
