import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** cpu.realtimeRuntime 1 ms per realtimePeriod 1 s: cpu.rt_runtime_us/rt_period_us (v1 with RT group scheduling). */
export default defineCase({
  id: 'linux.cgroups.cpu.realtime',
  title: 'cpu.realtimeRuntime and realtimePeriod set the RT budget, or create fails',
  requirements: ['LNX-CPU-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-cpu'],
  config: (c) => c.withCpu({ realtimeRuntime: 1000, realtimePeriod: 1000000 }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'cpu.realtimeRuntime', pick: (o) => o.cpu?.realtimeRuntime, expected: 1000, mayRefuse: 'RT group scheduling needs CONFIG_RT_GROUP_SCHED and RT budget in the parent cgroup', shownWith: 'cgroup-v1', hidden: 'no cpu.rt_runtime_us: the kernel has no RT group scheduling, or this is cgroup v2' }, { what: 'cpu.realtimePeriod', pick: (o) => o.cpu?.realtimePeriod, expected: 1000000 }], applies('LNX-CPU-APPLIED'));
  },
});
