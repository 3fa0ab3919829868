import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';
import { cpuShares } from '../_lib/weights.js';

/**
 * cpu.shares 512: cpu.shares of the container cgroup on v1. On v2 the
 * runtime converts shares to cpu.weight; the spec names no formula, so the
 * case accepts the conversions runc and crun use (the linear one: 20; the
 * newer quadratic one: 59) and notes which one the value came from.
 */
export default defineCase({
  id: 'linux.cgroups.cpu.shares',
  title: 'cpu.shares sets the cpu weight of the container cgroup',
  requirements: ['LNX-CPU-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-cpu'],
  config: (c) => c.withCpu({ shares: 512 }),
  run: async (ctx) => {
    const v2 = ctx.host.cgroups.mode === 'v2';
    await applied(
      ctx,
      [
        v2
          ? { what: 'cpu.shares (as cpu.weight)', pick: (o) => cpuShares(512, o.cpu?.weight).value, explain: (o) => cpuShares(512, o.cpu?.weight).how, expected: 512 }
          : { what: 'cpu.shares', pick: (o) => o.cpu?.shares, expected: 512 },
      ],
      applies('LNX-CPU-APPLIED'),
    );
  },
});
