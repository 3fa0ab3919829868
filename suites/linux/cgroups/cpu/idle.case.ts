import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** cpu.idle 1: cpu.idle of the container cgroup (v1 and v2, Linux 5.15+). */
export default defineCase({
  id: 'linux.cgroups.cpu.idle',
  title: 'cpu.idle marks the container cgroup SCHED_IDLE',
  requirements: ['LNX-CPU-IDLE-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-cpu'],
  config: (c) => c.withCpu({ idle: 1 }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'cpu.idle', pick: (o) => o.cpu?.idle, expected: 1, mayRefuse: 'cpu.idle needs Linux 5.15', hidden: 'no cpu.idle file (kernel older than 5.15)' }], applies('LNX-CPU-IDLE-APPLIED'));
  },
});
