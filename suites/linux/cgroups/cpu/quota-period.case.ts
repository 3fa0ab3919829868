import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** cpu.quota 50 ms per cpu.period 100 ms: cpu.cfs_quota_us/cfs_period_us (v1) or cpu.max (v2). */
export default defineCase({
  id: 'linux.cgroups.cpu.quota-period',
  title: 'cpu.quota and cpu.period set the CFS bandwidth of the container cgroup',
  requirements: ['LNX-CPU-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-cpu'],
  config: (c) => c.withCpu({ quota: 50000, period: 100000 }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'cpu.quota', pick: (o) => o.cpu?.quota, expected: 50000 }, { what: 'cpu.period', pick: (o) => o.cpu?.period, expected: 100000 }], applies('LNX-CPU-APPLIED'));
  },
});
