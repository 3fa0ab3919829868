/**
 * One fuzzing pass over inputs `from`..`to` of a seed (docs/FUZZING.md). Input i is drawn on its own from
 * seed + i, so any one input is reproduced from (seed, i) alone: `npm run fuzz -- --seed S --only i`.
 * scripts/fuzz.ts runs this in a child process and watches it (a hang or a crash of the process itself).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FuzzInput } from './arbitraries.js';
import { fuzzInputArb, labelOf, layoutArchive, sizeOf } from './arbitraries.js';
import { checkCli, checkInput, materialize } from './properties.js';

export interface RunOptions {
  readonly seed: number;
  readonly from: number;
  readonly to: number;
  /** Scratch directory for the inputs (the caller's mkdtemp). */
  readonly work: string;
  /** Where counterexamples go. */
  readonly failures: string;
  /** Every n-th input also through the CLI (0: never). */
  readonly cliEvery: number;
  /** bin/oci-validate.js. */
  readonly bin: string;
  readonly layoutWeight: number;
}

export interface Figures {
  inputs: number;
  byLabel: Record<string, number>;
  crashes: number;
  hangs: number;
  violations: number;
  cliRuns: number;
  cliViolations: number;
  exits: Record<string, number>;
  slowest: { label: string; size: number; ms: number; index: number } | undefined;
  largest: { label: string; size: number; index: number } | undefined;
  failures: Array<{ index: number; label: string; what: string; file: string }>;
  /** process.resourceUsage().maxRSS of the validating process, KiB. */
  peakRssKb: number;
  /** The highest rss seen after an input, KiB. */
  peakInputRssKb: number;
}

export function emptyFigures(): Figures {
  return { inputs: 0, byLabel: {}, crashes: 0, hangs: 0, violations: 0, cliRuns: 0, cliViolations: 0, exits: {}, slowest: undefined, largest: undefined, failures: [], peakRssKb: 0, peakInputRssKb: 0 };
}

/** Input i of a seed: drawn alone, so reproducible without the ones before it. */
export function inputAt(seed: number, index: number, layoutWeight: number): FuzzInput {
  return fc.sample(fuzzInputArb(layoutWeight), { seed: (seed + Math.imul(index, 0x9e3779b1)) | 0, numRuns: 1 })[0]!;
}

/** Writes an input where a person can look at it: the document's bytes, or the layout as a tar (and its file list). */
export function writeCounterexample(dir: string, seed: number, index: number, input: FuzzInput, what: string): string {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `seed${seed}-input${index}`);
  if (input.type === 'document') {
    writeFileSync(`${base}.json`, input.bytes);
    writeFileSync(`${base}.txt`, `${labelOf(input)} (${input.forceKind ? `--kind ${input.kind}` : 'kind detected'}; mutations: ${input.mutations.join(', ') || 'none'})\n${what}\n`);
    return `${base}.json`;
  }
  writeFileSync(`${base}.tar`, layoutArchive({ ...input, form: 'tar' }));
  writeFileSync(`${base}.txt`, `${labelOf(input)} (damage: ${input.mutations.join(', ') || 'none'}; as a tar here)\n${what}\n`);
  return `${base}.tar`;
}

export async function runRange(o: RunOptions, figures: Figures, progress: (index: number, label: string, size: number) => void): Promise<void> {
  for (let i = o.from; i < o.to; i++) {
    const input = inputAt(o.seed, i, o.layoutWeight);
    const label = labelOf(input);
    const size = sizeOf(input);
    progress(i, label, size);
    const r = await checkInput(input, o.work);
    figures.inputs++;
    figures.byLabel[label] = (figures.byLabel[label] ?? 0) + 1;
    figures.exits[String(r.exit)] = (figures.exits[String(r.exit)] ?? 0) + 1;
    if (!figures.slowest || r.ms > figures.slowest.ms) figures.slowest = { label, size, ms: r.ms, index: i };
    if (!figures.largest || size > figures.largest.size) figures.largest = { label, size, index: i };
    const problems = [...(r.crash ? [`crash: ${r.crash}`] : []), ...r.violations];
    figures.peakInputRssKb = Math.max(figures.peakInputRssKb, r.rss / 1024);
    if (r.crash) figures.crashes++;
    if (r.hang) figures.hangs++;
    if (!r.crash && r.violations.length > 0) figures.violations++;
    if (o.cliEvery > 0 && i % o.cliEvery === 0 && !r.hang) {
      const path = materialize(input, o.work);
      const c = checkCli(input, path, r.exit, o.bin);
      figures.cliRuns++;
      if (c.violations.length > 0) {
        figures.cliViolations++;
        problems.push(...c.violations);
      }
    }
    if (problems.length > 0) {
      const what = problems.join('\n');
      const file = writeCounterexample(o.failures, o.seed, i, input, what);
      figures.failures.push({ index: i, label, what: what.split('\n')[0]!.slice(0, 300), file });
    }
  }
}
