/** linux.resources.memory: memory.* files of v1, or memory.max/low/swap.max of v2. */
import type { Resources } from '../../spec.js';
import { type CgroupView, type CgroupWrite, need, refuse } from './types.js';

type Memory = NonNullable<Resources['memory']>;
const F = 'linux.resources.memory';

/** v1 reads an unlimited limit as a huge page-aligned number (PAGE_COUNTER_MAX pages). */
const UNLIMITED_V1 = 2 ** 62;

function stuck(value: number): (read: string) => string | undefined {
  return (read) => {
    const got = Number(read.trim());
    if (value < 0) return undefined;
    return got >= UNLIMITED_V1 ? `the kernel accepted ${value} but the limit reads as unlimited (${read.trim()}): this kernel no longer enforces it` : undefined;
  };
}

function v1(m: Memory, view: CgroupView): CgroupWrite[] {
  const out: CgroupWrite[] = [];
  const w = (field: string, file: string, value: string, verify?: CgroupWrite['verify']): void => {
    if (!view.has('memory', 'v1', file)) refuse(`${F}.${field}`, `the memory cgroup has no ${file}${field === 'swap' ? ' (swap accounting is off)' : ''}`);
    out.push({ field: `${F}.${field}`, controller: 'memory', version: 'v1', file, value, ...(verify ? { verify } : {}) });
  };
  if (m.limit !== undefined) w('limit', 'memory.limit_in_bytes', String(m.limit));
  if (m.swap !== undefined) w('swap', 'memory.memsw.limit_in_bytes', String(m.swap));
  if (m.reservation !== undefined) w('reservation', 'memory.soft_limit_in_bytes', String(m.reservation));
  if (m.kernel !== undefined) w('kernel', 'memory.kmem.limit_in_bytes', String(m.kernel), stuck(m.kernel));
  if (m.kernelTCP !== undefined) w('kernelTCP', 'memory.kmem.tcp.limit_in_bytes', String(m.kernelTCP), stuck(m.kernelTCP));
  if (m.swappiness !== undefined) w('swappiness', 'memory.swappiness', String(m.swappiness));
  if (m.disableOOMKiller !== undefined) w('disableOOMKiller', 'memory.oom_control', m.disableOOMKiller ? '1' : '0');
  if (m.useHierarchy !== undefined) w('useHierarchy', 'memory.use_hierarchy', m.useHierarchy ? '1' : '0');
  return out;
}

const max = (n: number): string => (n < 0 ? 'max' : String(n));

function v2(m: Memory): CgroupWrite[] {
  const out: CgroupWrite[] = [];
  const w = (field: string, file: string, value: string): void => void out.push({ field: `${F}.${field}`, controller: 'memory', version: 'v2', file, value });
  if (m.limit !== undefined) w('limit', 'memory.max', max(m.limit));
  if (m.swap !== undefined) {
    // The spec's swap is memory+swap; v2 limits swap alone.
    if (m.swap < 0) w('swap', 'memory.swap.max', 'max');
    else if (m.limit === undefined || m.limit < 0) refuse(`${F}.swap`, 'on cgroup v2 a memory+swap limit needs memory.limit too (memory.swap.max counts swap alone)');
    else if (m.swap < m.limit) refuse(`${F}.swap`, `memory+swap (${m.swap}) is below memory.limit (${m.limit})`);
    else w('swap', 'memory.swap.max', String(m.swap - m.limit));
  }
  if (m.reservation !== undefined) w('reservation', 'memory.low', max(m.reservation));
  if (m.kernel !== undefined) refuse(`${F}.kernel`, 'cgroup v2 has no separate kernel memory limit');
  if (m.kernelTCP !== undefined) refuse(`${F}.kernelTCP`, 'cgroup v2 has no kernel TCP buffer limit');
  if (m.swappiness !== undefined) refuse(`${F}.swappiness`, 'cgroup v2 has no per-cgroup swappiness');
  if (m.disableOOMKiller === true) refuse(`${F}.disableOOMKiller`, 'cgroup v2 cannot turn the OOM killer off for a cgroup');
  if (m.useHierarchy === false) refuse(`${F}.useHierarchy`, 'cgroup v2 is always hierarchical');
  return out;
}

export function memoryWrites(m: Memory | undefined, view: CgroupView): CgroupWrite[] {
  if (!m) return [];
  const set = Object.entries(m).find(([k, v]) => v !== undefined && k !== 'checkBeforeUpdate');
  if (!set) return [];
  return need(view, 'memory', `${F}.${set[0]}`) === 'v1' ? v1(m, view) : v2(m);
}
