/** cgroup v2 readers: one directory, the spec's shape out (see types.ts for v2-only fields). */
import { defined, deviceLines, readText, v2Number } from './files.js';
import type { DeviceRate, ObservedBlockIO, ObservedCpu, ObservedMemory } from './types.js';

export async function memoryV2(dir: string): Promise<ObservedMemory> {
  const [max, low, swapMax] = await Promise.all([readText(dir, 'memory.max'), readText(dir, 'memory.low'), readText(dir, 'memory.swap.max')]);
  const limit = v2Number(max);
  const swapOnly = v2Number(swapMax);
  // The spec's swap is memory+swap; v2 limits swap alone.
  const swap = swapOnly === undefined ? undefined : swapOnly === -1 || limit === undefined || limit === -1 ? -1 : swapOnly + limit;
  return defined({ limit, reservation: v2Number(low), swap });
}

export async function cpuV2(dir: string): Promise<ObservedCpu> {
  const [weight, max, burst, idle, cpus, mems] = await Promise.all([
    readText(dir, 'cpu.weight'),
    readText(dir, 'cpu.max'),
    readText(dir, 'cpu.max.burst'),
    readText(dir, 'cpu.idle'),
    readText(dir, 'cpuset.cpus'),
    readText(dir, 'cpuset.mems'),
  ]);
  const [q, p] = (max ?? '').split(/\s+/);
  return defined({
    weight: v2Number(weight),
    quota: max === undefined ? undefined : v2Number(q),
    period: max === undefined ? undefined : v2Number(p),
    burst: v2Number(burst),
    idle: v2Number(idle),
    cpus: cpus || undefined,
    mems: mems || undefined,
  });
}

export async function pidsLimit(dir: string): Promise<number | undefined> {
  return v2Number(await readText(dir, 'pids.max'));
}

/**
 * io.max ('8:0 rbps=1 wbps=max riops=max wiops=max') and the weight: io.bfq.weight where it exists (what runc
 * and crun write first; 'default 500' and '8:0 400' lines, or a bare '500' on kernels before 5.4), else
 * io.weight ('default 100', '8:0 200'). The weights are as the file has them: `weightFile` says which scale.
 */
export async function ioV2(dir: string): Promise<ObservedBlockIO> {
  const [max, bfq, weight] = await Promise.all([readText(dir, 'io.max'), readText(dir, 'io.bfq.weight'), readText(dir, 'io.weight')]);
  const w = bfq ?? weight;
  const def = w === undefined ? undefined : (/^default\s+(\d+)/m.exec(w) ?? /^(\d+)$/.exec(w));
  const throttle = (key: string): DeviceRate[] | undefined => {
    if (max === undefined) return undefined;
    const out: DeviceRate[] = [];
    for (const d of deviceLines(max)) {
      const m = new RegExp(`(?:^|\\s)${key}=(\\d+)`).exec(d.value);
      if (m) out.push({ major: d.major, minor: d.minor, rate: Number(m[1]) });
    }
    return out;
  };
  return defined({
    weight: def ? Number(def[1]) : undefined,
    weightDevice: w === undefined ? undefined : deviceLines(w).map((d) => ({ major: d.major, minor: d.minor, weight: Number(d.value) })),
    weightFile: bfq !== undefined ? ('io.bfq.weight' as const) : weight !== undefined ? ('io.weight' as const) : undefined,
    throttleReadBpsDevice: throttle('rbps'),
    throttleWriteBpsDevice: throttle('wbps'),
    throttleReadIOPSDevice: throttle('riops'),
    throttleWriteIOPSDevice: throttle('wiops'),
  });
}

/** rdma.max ('mlx4_0 hca_handle=2 hca_object=2000'); 'max' values are left out. */
export async function rdma(dir: string): Promise<Record<string, { hcaHandles?: number; hcaObjects?: number }> | undefined> {
  const t = await readText(dir, 'rdma.max');
  if (t === undefined) return undefined;
  const out: Record<string, { hcaHandles?: number; hcaObjects?: number }> = {};
  for (const line of t.split('\n')) {
    const [dev, ...kv] = line.trim().split(/\s+/);
    if (!dev) continue;
    const get = (k: string): number | undefined => {
      const v = kv.find((x) => x.startsWith(`${k}=`))?.slice(k.length + 1);
      return v === undefined || v === 'max' ? undefined : Number(v);
    };
    out[dev] = defined({ hcaHandles: get('hca_handle'), hcaObjects: get('hca_object') });
  }
  return out;
}

/** linux.resources.unified: the named files of the unified cgroup, as text (trimmed). */
export async function readUnified(dir: string, keys: readonly string[]): Promise<Record<string, string | undefined>> {
  const values = await Promise.all(keys.map((k) => (k.includes('/') ? Promise.resolve(undefined) : readText(dir, k))));
  return Object.fromEntries(keys.map((k, i) => [k, values[i]]));
}
