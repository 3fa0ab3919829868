import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** cpu.mems "0": cpuset.mems of the container cgroup (every host has node 0). */
export default defineCase({
  id: 'linux.cgroups.cpu.mems',
  title: 'cpu.mems sets the memory nodes of the container cgroup',
  requirements: ['LNX-CPU-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-cpuset'],
  config: (c) => c.withCpu({ mems: '0' }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'cpu.mems', pick: (o) => o.cpu?.mems, expected: '0' }], applies('LNX-CPU-APPLIED'));
  },
});
