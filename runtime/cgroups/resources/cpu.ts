/** linux.resources.cpu: cpu.* (v1 CFS and RT files, or v2 cpu.weight/cpu.max) and cpuset.cpus/mems. */
import type { Resources } from '../../spec.js';
import { type CgroupView, type CgroupWrite, need, refuse } from './types.js';

type Cpu = NonNullable<Resources['cpu']>;
const F = 'linux.resources.cpu';

/**
 * The cpu.weight for cpu.shares: the linear conversion runc 1.1.5 (Debian's, on these hosts) and crun long used,
 * 1 + (shares - 2) * 9999 / 262142. Newer runc and crun use a quadratic fit (1024 -> 100); the suite accepts
 * both (docs/INTERPRETING.md, "Weights on cgroup v2"); the spec names no formula.
 */
export function sharesToWeight(shares: number): number {
  return 1 + Math.floor(((shares - 2) * 9999) / 262142);
}

function cpuWrites(c: Cpu, view: CgroupView): CgroupWrite[] {
  const keys = ['shares', 'quota', 'period', 'burst', 'realtimeRuntime', 'realtimePeriod', 'idle'] as const;
  const first = keys.find((k) => c[k] !== undefined);
  if (!first) return [];
  const version = need(view, 'cpu', `${F}.${first}`);
  const out: CgroupWrite[] = [];
  const w = (field: string, file: string, value: string, ancestorsFirst = false): void => {
    if (!view.has('cpu', version, file)) refuse(`${F}.${field}`, `the cpu cgroup has no ${file} (${explain[file] ?? 'not offered by this kernel'})`);
    out.push({ field: `${F}.${field}`, controller: 'cpu', version, file, value, ...(ancestorsFirst ? { ancestorsFirst } : {}) });
  };
  if (version === 'v1') {
    if (c.shares !== undefined) w('shares', 'cpu.shares', String(c.shares));
    if (c.period !== undefined) w('period', 'cpu.cfs_period_us', String(c.period));
    if (c.quota !== undefined) w('quota', 'cpu.cfs_quota_us', String(c.quota));
    if (c.burst !== undefined) w('burst', 'cpu.cfs_burst_us', String(c.burst));
    // The period first: a runtime must fit in it. Intermediate cgroups we
    // create start with no RT budget, and a child gets no more than its parent.
    if (c.realtimePeriod !== undefined) w('realtimePeriod', 'cpu.rt_period_us', String(c.realtimePeriod), true);
    if (c.realtimeRuntime !== undefined) w('realtimeRuntime', 'cpu.rt_runtime_us', String(c.realtimeRuntime), true);
  } else {
    if (c.shares !== undefined && c.shares !== 0) w('shares', 'cpu.weight', String(sharesToWeight(c.shares)));
    if (c.quota !== undefined || c.period !== undefined) {
      const quota = c.quota === undefined || c.quota < 0 ? 'max' : String(c.quota);
      w(c.quota !== undefined ? 'quota' : 'period', 'cpu.max', c.period !== undefined ? `${quota} ${c.period}` : quota);
    }
    if (c.burst !== undefined) w('burst', 'cpu.max.burst', String(c.burst));
    if (c.realtimeRuntime !== undefined) refuse(`${F}.realtimeRuntime`, 'cgroup v2 has no realtime budget (cpu.rt_runtime_us is v1 only)');
    if (c.realtimePeriod !== undefined) refuse(`${F}.realtimePeriod`, 'cgroup v2 has no realtime budget (cpu.rt_period_us is v1 only)');
  }
  if (c.idle !== undefined) w('idle', 'cpu.idle', String(c.idle));
  return out;
}

const explain: Record<string, string> = {
  'cpu.cfs_burst_us': 'CFS burst needs Linux 5.14',
  'cpu.max.burst': 'CFS burst needs Linux 5.14',
  'cpu.idle': 'cpu.idle needs Linux 5.15',
  'cpu.rt_runtime_us': 'the kernel has no RT group scheduling (CONFIG_RT_GROUP_SCHED)',
  'cpu.rt_period_us': 'the kernel has no RT group scheduling (CONFIG_RT_GROUP_SCHED)',
};

function cpusetWrites(c: Cpu, view: CgroupView): CgroupWrite[] {
  const out: CgroupWrite[] = [];
  for (const [field, file, value] of [['cpus', 'cpuset.cpus', c.cpus], ['mems', 'cpuset.mems', c.mems]] as const) {
    if (value === undefined) continue;
    out.push({ field: `${F}.${field}`, controller: 'cpuset', version: need(view, 'cpuset', `${F}.${field}`), file, value });
  }
  return out;
}

export function cpuWritesOf(c: Cpu | undefined, view: CgroupView): CgroupWrite[] {
  return c ? [...cpuWrites(c, view), ...cpusetWrites(c, view)] : [];
}
