/**
 * The spec's cgroup weights are cgroup v1's scales: blockIO weights 10-1000,
 * cpu.shares 2-262144. cgroup v2 has other files with another scale
 * (io.weight and cpu.weight, 1-10000; io.bfq.weight keeps 1-1000), and the
 * spec names no conversion. Runtimes use a few; a case compares on the spec's
 * scale by accepting a value that one of them gives for the requested weight,
 * and says which one (docs/INTERPRETING.md, "Weights on cgroup v2").
 *
 * Not accepted: systemd's own scales (BlockIOWeight w -> IOWeight w * 100 / 500,
 * CPUShares s -> CPUWeight s * 100 / 1024). runc and crun hand systemd weights
 * they converted themselves, and runc writes the files through cgroupfs after
 * setting the unit's properties; and w * 100 / 500 turns the cases' blkio
 * weight 500 into 100, io.weight's default, which a runtime that ignores the
 * field leaves there too.
 */

export interface WeightConversion {
  /** Who uses it and the formula, for evidence and notes. */
  readonly name: string;
  readonly convert: (v: number) => number;
}

/** blkio weight -> io.weight: runc's ConvertBlkIOToIOWeightValue and crun, integer division (10 -> 1, 500 -> 4950, 1000 -> 10000). */
export function blkioToIoWeight(w: number): number {
  return w === 0 ? 0 : 1 + Math.floor(((w - 10) * 9999) / 990);
}

/** cpu.shares -> cpu.weight, linear: runc's ConvertCPUSharesToCgroupV2Value and crun's convert_shares_to_weight as they long were, and runc 1.1.5's (1024 -> 39). */
export function sharesToWeightLinear(shares: number): number {
  return shares === 0 ? 0 : 1 + Math.floor(((shares - 2) * 9999) / 262142);
}

/**
 * cpu.shares -> cpu.weight, the quadratic fit in log space that newer runc (opencontainers/cgroups) and crun
 * use, so that the default 1024 becomes the default 100 (2 -> 1, 512 -> 59, 1024 -> 100, 262144 -> 10000).
 */
export function sharesToWeightQuadratic(shares: number): number {
  if (shares === 0) return 0;
  if (shares <= 2) return 1;
  if (shares >= 262144) return 10000;
  const l = Math.log2(shares);
  return Math.ceil(10 ** ((l * l + 125 * l) / 612 - 7 / 34));
}

/** io.bfq.weight takes the blkio scale as it is (1-1000): runc and crun write the weight unconverted. */
export const BFQ_WEIGHT: readonly WeightConversion[] = [{ name: 'io.bfq.weight takes the blkio weight unconverted (runc, crun)', convert: (w) => w }];

export const IO_WEIGHT: readonly WeightConversion[] = [{ name: "runc's and crun's blkio -> io.weight conversion 1 + (w - 10) * 9999 / 990", convert: blkioToIoWeight }];

export const CPU_WEIGHT: readonly WeightConversion[] = [
  { name: 'the linear shares -> cpu.weight conversion 1 + (s - 2) * 9999 / 262142 (runc and crun as they long were)', convert: sharesToWeightLinear },
  { name: 'the quadratic shares -> cpu.weight conversion of newer runc and crun (1024 -> 100)', convert: sharesToWeightQuadratic },
];

/** The conversions under which `observed` is what the runtime should write for `requested` (empty: none). */
export function conversionsGiving(requested: number, observed: number, conversions: readonly WeightConversion[]): WeightConversion[] {
  return conversions.filter((c) => c.convert(requested) === observed);
}
