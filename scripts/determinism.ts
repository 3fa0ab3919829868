/**
 * Are oci-conform's verdicts deterministic, and is a sharded run the same run?
 *
 *   npm run determinism -- [--runs N] [--shards M] [--runtime PATH] [more oci-conform args, e.g. --only 'lifecycle.**']
 *
 * Runs the built CLI (npm run build first; as root) N times (default 5) against the runtime (default runc), each to
 * a JSON report, and once as M shards (default 3: --shard 1/M … M/M, one after the other, right after the first run)
 * merged with `oci-conform merge`. Prints, case by case, every case whose status differs between the runs, and between the first
 * run and the merged shards; then the differences of detail (violations, skip reasons, error messages, folded of
 * run-specific paths and pids by scripts/compare-reports.ts; each shard against its own report), which are printed
 * but do not decide. Exit 0 when every
 * status agrees, 1 when one differs, 2 on a usage error or a run that wrote no report. Everything it writes is in one
 * temp directory, removed at the end (--keep keeps it and says where).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Report } from './compare-reports.js';
import { compareReports } from './compare-reports.js';
import { ROOT } from './generate.js';

export interface Options {
  readonly runs: number;
  readonly shards: number;
  readonly runtime: string;
  readonly keep: boolean;
  /** Passed to every run as is. */
  readonly extra: readonly string[];
}

export function parseArgs(argv: readonly string[]): Options {
  let runs = 5;
  let shards = 3;
  let runtime = 'runc';
  let keep = false;
  const extra: string[] = [];
  const count = (flag: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag} wants a whole number of at least ${min}, not ${v ?? 'nothing'}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--runs') runs = count(a, argv[++i], 1);
    else if (a === '--shards') shards = count(a, argv[++i], 2);
    else if (a === '--runtime') runtime = argv[++i] ?? '';
    else if (a === '--keep') keep = true;
    else if (a === '--shard' || a.startsWith('--reporter')) throw new Error(`${a} is the script's to set`);
    else extra.push(a);
  }
  if (!runtime) throw new Error('--runtime wants a path or a name on PATH');
  return { runs, shards, runtime, keep, extra };
}

/** One oci-conform command (the built CLI) to a JSON report; the report, or an error naming what went wrong. */
export function conform(args: readonly string[], reportFile: string, env: NodeJS.ProcessEnv = {}): Report {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'oci-conform.js'), ...args, '--reporter', `json=${reportFile}`], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  if (r.error) throw r.error;
  // 0: as expected, 1: findings; anything else stopped the run
  if ((r.status !== 0 && r.status !== 1) || !existsSync(reportFile)) {
    throw new Error(`oci-conform ${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  return JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
}

/** Case by case, the status of each report, for every case where they are not all the same (or a report lacks it). */
export function statusDifferences(reports: readonly Report[]): Array<{ id: string; statuses: readonly string[] }> {
  const byReport = reports.map((r) => new Map(r.results.map((c) => [c.id, c.outcome.status])));
  const ids = [...new Set(reports.flatMap((r) => r.results.map((c) => c.id)))].sort();
  const out: Array<{ id: string; statuses: string[] }> = [];
  for (const id of ids) {
    const statuses = byReport.map((m) => m.get(id) ?? '(absent)');
    if (new Set(statuses).size > 1) out.push({ id, statuses });
  }
  return out;
}

function counts(r: Report): string {
  const n: Record<string, number> = {};
  for (const c of r.results) n[c.outcome.status] = (n[c.outcome.status] ?? 0) + 1;
  return `${r.results.length} cases: ${Object.entries(n)
    .sort()
    .map(([s, k]) => `${s} ${k}`)
    .join(', ')}`;
}

export function main(argv: readonly string[]): number {
  let o: Options;
  try {
    o = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`determinism: ${(e as Error).message}\n`);
    return 2;
  }
  if (!existsSync(join(ROOT, 'dist', 'oci-conform.mjs'))) {
    process.stderr.write('determinism: dist/oci-conform.mjs is missing: run npm run build\n');
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), 'oci-conform-determinism-'));
  const say = (t: string): void => void process.stdout.write(`${t}\n`);
  try {
    const base = ['--runtime', o.runtime, ...o.extra];
    if (o.keep) say(`reports in ${dir}`);
    const runs: Report[] = [];
    const run = (i: number): void => {
      const t = Date.now();
      runs.push(conform(base, join(dir, `run-${i}.json`)));
      say(`run ${i}/${o.runs}: ${counts(runs[i - 1]!)} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    };
    // run 1, the shards, then the other runs: a run cut short has compared the shards already
    run(1);
    const shardFiles: string[] = [];
    const shards: Report[] = [];
    for (let k = 1; k <= o.shards; k++) {
      const t = Date.now();
      const f = join(dir, `shard-${k}-of-${o.shards}.json`);
      const r = conform([...base, '--shard', `${k}/${o.shards}`], f);
      shardFiles.push(f);
      shards.push(r);
      say(`shard ${k}/${o.shards}: ${counts(r)} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    }
    const merged = merge(shardFiles, join(dir, 'merged.json'));
    say(`merged shards: ${counts(merged)}`);
    for (let i = 2; i <= o.runs; i++) run(i);

    const between = statusDifferences(runs);
    say(`\nverdicts of the ${o.runs} runs: ${between.length === 0 ? 'identical case for case' : `${between.length} case(s) differ`}`);
    for (const d of between) say(`  ${d.id}: ${d.statuses.map((s, i) => `run ${i + 1} ${s}`).join(', ')}`);
    const sharded = statusDifferences([runs[0]!, merged]);
    say(`verdicts of run 1 and the ${o.shards} shards merged: ${sharded.length === 0 ? 'identical case for case' : `${sharded.length} case(s) differ`}`);
    for (const d of sharded) say(`  ${d.id}: whole ${d.statuses[0]}, shards ${d.statuses[1]}`);

    const details = [
      ...runs.slice(1).flatMap((r, i) => compareReports(runs[0]!, r).map((line) => `  run 1 vs run ${i + 2}: ${line}`)),
      ...shards.flatMap((r, i) => shardDetails(runs[0]!, r).map((line) => `  run 1 vs shard ${i + 1}: ${line}`)),
    ];
    say(`differences of detail (not deciding): ${details.length}`);
    for (const line of details) say(line);
    return between.length === 0 && sharded.length === 0 ? 0 : 1;
  } catch (e) {
    process.stderr.write(`determinism: ${(e as Error).message}\n`);
    return 2;
  } finally {
    if (o.keep) say(`reports kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The differences of detail between the whole run's cases that a shard ran and that shard's report. Each shard
 * against its own report, not the merged one: a merged report keeps the first shard's work dir and run id, so the
 * paths in the other shards' messages would not be folded and would differ for nothing.
 */
export function shardDetails(whole: Report, shard: Report): string[] {
  const ids = new Set(shard.results.map((c) => c.id));
  return compareReports({ ...whole, results: whole.results.filter((c) => ids.has(c.id)) }, shard);
}

/** `oci-conform merge` of shard reports into one JSON report. */
export function merge(files: readonly string[], out: string, env: NodeJS.ProcessEnv = {}): Report {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'oci-conform.js'), 'merge', ...files, '--reporter', `json=${out}`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  if (r.error) throw r.error;
  if ((r.status !== 0 && r.status !== 1) || !existsSync(out)) throw new Error(`oci-conform merge exited ${r.status ?? r.signal}: ${r.stderr.trim()}`);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
