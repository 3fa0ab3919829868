import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** cpu.cpus "0": cpuset.cpus of the container cgroup (every host has a cpu 0). */
export default defineCase({
  id: 'linux.cgroups.cpu.cpus',
  title: 'cpu.cpus sets the cpuset of the container cgroup',
  requirements: ['LNX-CPU-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-cpuset'],
  config: (c) => c.withCpu({ cpus: '0' }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'cpu.cpus', pick: (o) => o.cpu?.cpus, expected: '0' }], applies('LNX-CPU-APPLIED'));
  },
});
