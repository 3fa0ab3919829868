/**
 * npm run fuzz [-- --count N] [--from F] [--seed S] [--only I] [--cli-every N] [--layout-weight W]
 *
 * Property-based fuzzing of oci-validate (docs/FUZZING.md): N generated and mutated inputs (default 100,000)
 * through the validator in-process, every --cli-every-th also through bin/oci-validate.js (run `npm run build`
 * first). The inputs run in a child process that this one watches: a child silent for longer than the hang
 * bound is killed and its input counted as a hang; a child that dies (out of memory, a signal) is counted as a
 * crash; either way its input is written out and the run goes on after it. Prints the figures; exit 1 when any
 * property failed, with the seed, the input's index and the file holding it.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figures, RunOptions } from '../test/fuzz/run.js';
import { emptyFigures, inputAt, runRange, writeCounterexample } from '../test/fuzz/run.js';
import { labelOf } from '../test/fuzz/arbitraries.js';
import { BOUNDS } from '../test/fuzz/properties.js';

interface Args {
  count: number;
  /** The first input's index: `--from F --count N` runs inputs F..F+N-1 (so that parts of one run can go in parallel). */
  from: number;
  seed: number;
  only: number | undefined;
  cliEvery: number;
  layoutWeight: number;
  /** The child's heap limit, MiB: a blow-up ends the child, not the machine. */
  heapMb: number;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { count: 100_000, from: 0, seed: Date.now() % 2 ** 31, only: undefined, cliEvery: 200, layoutWeight: 3, heapMb: 2048 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const v = Number(argv[++i]);
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`${flag}: expected a whole number, got ${argv[i]}`);
    if (flag === '--count') a.count = v;
    else if (flag === '--seed') a.seed = v;
    else if (flag === '--from') a.from = v;
    else if (flag === '--only') a.only = v;
    else if (flag === '--cli-every') a.cliEvery = v;
    else if (flag === '--layout-weight') a.layoutWeight = v;
    else if (flag === '--heap-mb') a.heapMb = v;
    else throw new Error(`unknown option ${flag} (--count, --from, --seed, --only, --cli-every, --layout-weight, --heap-mb)`);
  }
  return a;
}

type ToParent = { t: 'at'; i: number; label: string; size: number } | { t: 'done'; figures: Figures };

/** The child: runs inputs from..to and reports each one before it starts, then its figures. */
async function child(o: RunOptions): Promise<void> {
  const figures = emptyFigures();
  let last = 0;
  await runRange(o, figures, (i, label, size) => {
    // a message per input would cost more than most inputs: one a second at most, and one for each large input
    if (Date.now() - last >= 1000 || size > 64 * 1024) {
      last = Date.now();
      process.send!({ t: 'at', i, label, size } satisfies ToParent);
    }
  });
  figures.peakRssKb = process.resourceUsage().maxRSS;
  process.send!({ t: 'done', figures } satisfies ToParent);
}

function merge(into: Figures, f: Figures): void {
  into.inputs += f.inputs;
  for (const [k, n] of Object.entries(f.byLabel)) into.byLabel[k] = (into.byLabel[k] ?? 0) + n;
  for (const [k, n] of Object.entries(f.exits)) into.exits[k] = (into.exits[k] ?? 0) + n;
  into.peakInputRssKb = Math.max(into.peakInputRssKb, f.peakInputRssKb);
  into.crashes += f.crashes;
  into.hangs += f.hangs;
  into.violations += f.violations;
  into.cliRuns += f.cliRuns;
  into.cliViolations += f.cliViolations;
  if (f.slowest && (!into.slowest || f.slowest.ms > into.slowest.ms)) into.slowest = f.slowest;
  into.peakRssKb = Math.max(into.peakRssKb, f.peakRssKb);
  if (f.largest && (!into.largest || f.largest.size > into.largest.size)) into.largest = f.largest;
  into.failures.push(...f.failures);
}

/** Runs from..to in children, one after another when one dies or hangs; returns the figures and the child's peak RSS. */
async function parent(a: Args, work: string, failures: string): Promise<Figures> {
  const total = emptyFigures();
  const from0 = a.only ?? a.from;
  const to = a.only !== undefined ? a.only + 1 : a.from + a.count;
  let from = from0;
  const bin = join(import.meta.dirname, '..', 'bin', 'oci-validate.js');
  const started = Date.now();
  let lastPrint = 0;
  while (from < to) {
    const o: RunOptions = { seed: a.seed, from, to, work, failures, cliEvery: a.cliEvery, bin, layoutWeight: a.layoutWeight };
    const c = fork(import.meta.filename, ['--child', JSON.stringify(o)], {
      execArgv: [...process.execArgv, `--max-old-space-size=${a.heapMb}`],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let at = { i: from, label: '?', size: 0, since: Date.now() };
    let done: Figures | undefined;
    const watch = setInterval(() => {
      // the child reports at least once a second while inputs start: silence past twice the largest bound is a hang
      if (Date.now() - at.since > BOUNDS.layoutMs * 2) c.kill('SIGKILL');
    }, 1000);
    c.on('message', (m: ToParent) => {
      if (m.t === 'at') {
        at = { i: m.i, label: m.label, size: m.size, since: Date.now() };
        if (Date.now() - lastPrint > 10_000) {
          lastPrint = Date.now();
          const rate = (m.i - from0) / ((Date.now() - started) / 1000);
          process.stderr.write(`fuzz: input ${m.i}/${to} (${rate.toFixed(0)}/s)\n`);
        }
      } else done = m.figures;
    });
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => c.on('exit', (code, signal) => res({ code, signal })));
    clearInterval(watch);
    if (done) {
      merge(total, done);
      break;
    }
    // the child died or hung at or after input at.i: find which by replaying from there alone, one at a time
    const culprit = await findCulprit(a, at.i, to, work, failures, bin);
    const input = inputAt(a.seed, culprit.index, a.layoutWeight);
    const what = exit.signal === 'SIGKILL' ? `hang: no progress for ${BOUNDS.layoutMs * 2} ms` : `crash: the process ended (code ${exit.code}, signal ${exit.signal})`;
    const file = writeCounterexample(failures, a.seed, culprit.index, input, what);
    if (what.startsWith('hang')) total.hangs++;
    else total.crashes++;
    total.failures.push({ index: culprit.index, label: labelOf(input), what, file });
    merge(total, culprit.figures);
    from = culprit.index + 1;
  }
  return total;
}

/** After a child died: runs the inputs from `start` one by one, each in its own child, to the first that fails again. */
async function findCulprit(a: Args, start: number, to: number, work: string, failures: string, bin: string): Promise<{ index: number; figures: Figures }> {
  const figures = emptyFigures();
  for (let i = start; i < Math.min(to, start + 60); i++) {
    const o: RunOptions = { seed: a.seed, from: i, to: i + 1, work, failures, cliEvery: a.cliEvery, bin, layoutWeight: a.layoutWeight };
    const c = fork(import.meta.filename, ['--child', JSON.stringify(o)], { execArgv: [...process.execArgv, `--max-old-space-size=${a.heapMb}`], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let done: Figures | undefined;
    c.on('message', (m: ToParent) => {
      if (m.t === 'done') done = m.figures;
    });
    const timer = setTimeout(() => c.kill('SIGKILL'), BOUNDS.layoutMs * 2);
    await new Promise((res) => c.on('exit', res));
    clearTimeout(timer);
    if (!done) return { index: i, figures };
    merge(figures, done);
  }
  return { index: start, figures };
}

function print(a: Args, f: Figures, seconds: number, failures: string): void {
  const mib = (kb: number): string => `${(kb / 1024).toFixed(0)} MiB`;
  const lines = [
    `fuzz: seed ${a.seed}, inputs ${a.only ?? a.from} to ${a.only ?? a.from + a.count - 1}: ${f.inputs} inputs in ${seconds.toFixed(0)} s (${(f.inputs / seconds).toFixed(0)}/s)`,
    `  inputs per kind: ${Object.entries(f.byLabel)
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `  verdicts: exit 0 ${f.exits['0'] ?? 0}, exit 1 ${f.exits['1'] ?? 0}, exit 2 (refused) ${f.exits['2'] ?? 0}`,
    `  crashes: ${f.crashes}`,
    `  hangs (over ${BOUNDS.documentMs / 1000} s a document, ${BOUNDS.layoutMs / 1000} s a layout): ${f.hangs}`,
    `  other property failures: ${f.violations}`,
    `  CLI runs: ${f.cliRuns}, with a failed property: ${f.cliViolations}`,
    `  slowest input: #${f.slowest?.index} ${f.slowest?.label}, ${f.slowest?.size} bytes, ${f.slowest?.ms.toFixed(1)} ms`,
    `  largest input: #${f.largest?.index} ${f.largest?.label}, ${f.largest?.size} bytes`,
    `  peak memory: maxRSS of the validating process ${mib(f.peakRssKb)}; highest rss after an input ${mib(f.peakInputRssKb)} (bound ${BOUNDS.rssBytes / 2 ** 20} MiB)`,
  ];
  for (const x of f.failures.slice(0, 20)) lines.push(`  FAILED seed ${a.seed} input ${x.index} (${x.label}): ${x.what}\n    replay: npm run fuzz -- --seed ${a.seed} --only ${x.index}\n    input: ${x.file}`);
  if (f.failures.length > 20) lines.push(`  ... and ${f.failures.length - 20} more in ${failures}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<number> {
  if (process.argv[2] === '--child') {
    await child(JSON.parse(process.argv[3]!) as RunOptions);
    return 0;
  }
  let a: Args;
  try {
    a = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`fuzz: ${(e as Error).message}\n`);
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), 'oci-fuzz-work-'));
  const failures = mkdtempSync(join(tmpdir(), 'oci-fuzz-failures-'));
  const t0 = Date.now();
  try {
    const figures = await parent(a, work, failures);
    print(a, figures, (Date.now() - t0) / 1000, failures);
    if (figures.failures.length === 0) {
      rmSync(failures, { recursive: true, force: true });
      return 0;
    }
    process.stdout.write(`fuzz: counterexamples in ${failures}\n`);
    return 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`fuzz: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(4);
  },
);
