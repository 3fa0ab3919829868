/**
 * Weights on the spec's scale. The spec's blockIO weights (10-1000) and cpu.shares (2-262144) are cgroup v1's
 * scales; on v2 a runtime writes io.weight or cpu.weight (1-10000) through a conversion the spec does not name,
 * or io.bfq.weight unconverted. A value read from a v2 file counts as the requested weight when a known
 * conversion of it gives that value (harness/inspect/cgroup/conversions.ts); the note says which one did.
 */
import { BFQ_WEIGHT, conversionsGiving, CPU_WEIGHT, IO_WEIGHT, type ObservedBlockIO, type WeightConversion } from '../../../case.js';

/** What a weight read from `file` is on the spec's scale: the request when a conversion gives `raw`, else a description that says so. */
export interface SpecScale {
  readonly value?: number | string;
  /** How the file's value was read, for the case's notes (absent when there was nothing to convert). */
  readonly how?: string;
}

export function onSpecScale(requested: number, raw: number | undefined, file: string, conversions: readonly WeightConversion[]): SpecScale {
  if (raw === undefined) return {};
  const hits = conversionsGiving(requested, raw, conversions);
  if (hits.length > 0) return { value: requested, how: `${file} ${raw} is ${requested} on the spec's scale by ${hits.map((c) => c.name).join(', and by ')}` };
  const known = conversions.map((c) => `${c.name} gives ${c.convert(requested)}`).join('; ');
  const value = `${file} ${raw}, which no known conversion gives for ${requested} (${known})`;
  return { value, how: value };
}

/** The conversions of the v2 file a blockIO weight was read from (io.bfq.weight: none, io.weight: runc's and crun's). */
function blkioConversions(b: ObservedBlockIO): { file: string; conversions: readonly WeightConversion[] } | undefined {
  if (b.weightFile === 'io.weight') return { file: 'io.weight', conversions: IO_WEIGHT };
  if (b.weightFile === 'io.bfq.weight') return { file: 'io.bfq.weight', conversions: BFQ_WEIGHT };
  return undefined; // v1: blkio.(bfq.)weight already has the spec's scale
}

/** blockIO.weight on the spec's scale. */
export function blkioWeight(requested: number, b: ObservedBlockIO | undefined): SpecScale {
  if (b?.weight === undefined) return {};
  const v2 = blkioConversions(b);
  return v2 ? onSpecScale(requested, b.weight, v2.file, v2.conversions) : { value: b.weight };
}

/** The weightDevice entry of one device on the spec's scale. */
export function blkioDeviceWeight(requested: number, b: ObservedBlockIO | undefined, major: number, minor: number): SpecScale {
  if (b?.weightDevice === undefined) return {}; // no per-device weight file on this host
  const v2 = blkioConversions(b);
  const d = b.weightDevice.find((x) => x.major === major && x.minor === minor);
  // The file is there and has no line for the device: nothing was written for it.
  if (d?.weight === undefined) return { value: `no ${major}:${minor} line in ${v2?.file ?? 'blkio.weight_device'}` };
  return v2 ? onSpecScale(requested, d.weight, `${v2.file} ${major}:${minor}`, v2.conversions) : { value: d.weight };
}

/** cpu.shares on the spec's scale from v2's cpu.weight. */
export function cpuShares(requested: number, weight: number | undefined): SpecScale {
  return onSpecScale(requested, weight, 'cpu.weight', CPU_WEIGHT);
}
