/** linux.resources.blockIO: blkio.* of v1 (CFQ or BFQ weight files, throttle files), or io.weight/io.bfq.weight/io.max of v2. */
import type { Resources, ThrottleDevice } from '../../spec.js';
import { type CgroupView, type CgroupWrite, type Version, need, refuse } from './types.js';

type BlockIO = NonNullable<Resources['blockIO']>;
const F = 'linux.resources.blockIO';
const NO_SCHED = 'no proportional-weight I/O scheduler (CFQ or BFQ) offers it on this host';

/**
 * The io.weight (1-10000) for a blkio weight (10-1000), as runc (ConvertBlkIOToIOWeightValue) and crun convert it,
 * integer division: 10 -> 1, 500 -> 4950, 1000 -> 10000. io.bfq.weight takes the blkio scale as it is.
 */
export function blkioToIoWeight(weight: number): number {
  return 1 + Math.floor(((weight - 10) * 9999) / 990);
}

const THROTTLE = [
  ['throttleReadBpsDevice', 'blkio.throttle.read_bps_device', 'rbps'],
  ['throttleWriteBpsDevice', 'blkio.throttle.write_bps_device', 'wbps'],
  ['throttleReadIOPSDevice', 'blkio.throttle.read_iops_device', 'riops'],
  ['throttleWriteIOPSDevice', 'blkio.throttle.write_iops_device', 'wiops'],
] as const;

export function blkioWrites(b: BlockIO | undefined, view: CgroupView): CgroupWrite[] {
  if (!b) return [];
  const first = (Object.keys(b) as (keyof BlockIO)[]).find((k) => b[k] !== undefined && !(Array.isArray(b[k]) && b[k].length === 0));
  if (!first) return [];
  const v1 = view.serving('blkio') === 'v1';
  const version: Version = v1 ? 'v1' : need(view, 'io', `${F}.${first}`);
  const controller = v1 ? 'blkio' : 'io';
  const out: CgroupWrite[] = [];
  const w = (field: string, file: string, value: string): void => void out.push({ field: `${F}.${field}`, controller, version, file, value });
  /** The first of the candidate files this cgroup has, or a refusal. */
  const pick = (field: string, files: string[]): string => files.find((f) => view.has(controller, version, f)) ?? refuse(`${F}.${field}`, `no ${files.join(' or ')}: ${NO_SCHED}`);

  if (b.weight !== undefined) {
    const file = pick('weight', v1 ? ['blkio.weight', 'blkio.bfq.weight'] : ['io.bfq.weight', 'io.weight']);
    // io.bfq.weight keeps the blkio scale (a bare number, as kernels before 5.4 want it); io.weight has its own.
    w('weight', file, file === 'io.weight' ? `default ${blkioToIoWeight(b.weight)}` : String(b.weight));
  }
  if (b.leafWeight !== undefined) {
    if (!v1) refuse(`${F}.leafWeight`, 'cgroup v2 has no leaf weight');
    w('leafWeight', pick('leafWeight', ['blkio.leaf_weight']), String(b.leafWeight));
  }
  (b.weightDevice ?? []).forEach((d, i) => {
    if (d.weight !== undefined) {
      const file = pick(`weightDevice[${i}].weight`, v1 ? ['blkio.weight_device', 'blkio.bfq.weight_device'] : ['io.bfq.weight', 'io.weight']);
      w(`weightDevice[${i}].weight`, file, `${d.major}:${d.minor} ${file === 'io.weight' ? blkioToIoWeight(d.weight) : d.weight}`);
    }
    if (d.leafWeight !== undefined) {
      if (!v1) refuse(`${F}.weightDevice[${i}].leafWeight`, 'cgroup v2 has no leaf weight');
      w(`weightDevice[${i}].leafWeight`, pick(`weightDevice[${i}].leafWeight`, ['blkio.leaf_weight_device']), `${d.major}:${d.minor} ${d.leafWeight}`);
    }
  });
  for (const [field, file, key] of THROTTLE) {
    (b[field] ?? []).forEach((d: ThrottleDevice, i) => {
      if (v1) w(`${field}[${i}]`, file, `${d.major}:${d.minor} ${d.rate}`);
      else w(`${field}[${i}]`, 'io.max', `${d.major}:${d.minor} ${key}=${d.rate}`);
    });
  }
  return out;
}
