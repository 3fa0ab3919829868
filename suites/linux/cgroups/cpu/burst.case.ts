import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** cpu.burst 10 ms with quota 50 ms: cpu.cfs_burst_us (v1) or cpu.max.burst (v2). */
export default defineCase({
  id: 'linux.cgroups.cpu.burst',
  title: 'cpu.burst sets the CFS burst of the container cgroup',
  requirements: ['LNX-CPU-BURST-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-cpu'],
  config: (c) => c.withCpu({ quota: 50000, period: 100000, burst: 10000 }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'cpu.burst', pick: (o) => o.cpu?.burst, expected: 10000, mayRefuse: 'cpu burst needs Linux 5.14', hidden: 'no cpu.cfs_burst_us / cpu.max.burst (kernel older than 5.14)' }], applies('LNX-CPU-BURST-APPLIED'));
  },
});
