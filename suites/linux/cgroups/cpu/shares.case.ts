import { defineCase, sharesToWeight } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/**
 * cpu.shares 512: cpu.shares of the container cgroup on v1. On v2 the
 * runtime converts shares to cpu.weight; the spec names no formula, so the
 * case expects the conversion runc and crun use and says so in a note.
 */
export default defineCase({
  id: 'linux.cgroups.cpu.shares',
  title: 'cpu.shares sets the cpu weight of the container cgroup',
  requirements: ['LNX-CPU-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-cpu'],
  config: (c) => c.withCpu({ shares: 512 }),
  run: async (ctx) => {
    const v2 = ctx.host.cgroups.mode === 'v2';
    if (v2) ctx.note(`cgroup v2: expecting cpu.weight ${sharesToWeight(512)}, the conversion runc and crun use (the spec names none)`);
    await applied(ctx, [v2 ? { what: 'cpu.weight (from shares 512)', pick: (o) => o.cpu?.weight, expected: sharesToWeight(512) } : { what: 'cpu.shares', pick: (o) => o.cpu?.shares, expected: 512 }], applies('LNX-CPU-APPLIED'));
  },
});
