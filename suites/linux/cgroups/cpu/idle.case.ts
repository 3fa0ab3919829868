import { defineCase } from '../../../case.js';
import { APPLY, applied } from '../_lib/resources.js';
import { specAtLeast } from '../../../lifecycle/ops/_lib/ops.js';

/** cpu.idle 1: cpu.idle of the container cgroup (v1 and v2, Linux 5.15+). */
export default defineCase({
  id: 'linux.cgroups.cpu.idle',
  title: 'cpu.idle marks the container cgroup SCHED_IDLE',
  requirements: ['RT-CREATE-APPLY-CONFIG', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['root', 'cgroup-cpu'],
  config: (c) => c.withCpu({ idle: 1 }),
  run: async (ctx) => {
    if (!specAtLeast(ctx.specVersion, '1.1.0')) ctx.skip(`this field appeared in runtime-spec 1.1.0; this run targets ${ctx.specVersion}`);
    await applied(ctx, [{ what: 'cpu.idle', pick: (o) => o.cpu?.idle, expected: 1, mayRefuse: 'cpu.idle needs Linux 5.15', hidden: 'no cpu.idle file (kernel older than 5.15)' }], APPLY);
  },
});
