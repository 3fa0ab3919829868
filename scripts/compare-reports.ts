/**
 * Compares two oci-conform JSON reports (`--reporter json=FILE`) case by case,
 * for a change that must not change verdicts (a refactor of the cases or the
 * harness): each case id must be in both, with the same title, file,
 * requirements and status, the same violations (requirement, path, message,
 * as the report shows them), the same skip reason and condition, the same
 * error message. Durations, calls, configs and notes are not compared.
 *
 * What differs between two runs of the same code is folded before comparing:
 * each report's work directory, run id (and the case number after it) and
 * cgroup prefix, timestamps a runtime prints, and pids (/proc/<pid>, "pid N",
 * "process N").
 *
 *   npx tsx scripts/compare-reports.ts BEFORE.json AFTER.json
 *
 * prints one line per difference and a summary; exit 0 when there is none,
 * 1 when there are, 2 when a report can't be read.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface ReportViolation {
  readonly requirement: string;
  readonly message: string;
  readonly path?: string;
}

interface ReportCase {
  readonly id: string;
  readonly title?: string;
  readonly file?: string;
  readonly requirements?: readonly string[];
  readonly outcome: {
    readonly status: string;
    readonly reason?: string;
    readonly condition?: string;
    readonly message?: string;
    readonly timedOut?: boolean;
    readonly violations?: readonly ReportViolation[];
  };
  /** What the report shows (the JSON reporter's own list); falls back to the outcome's. */
  readonly violations?: readonly ReportViolation[];
}

export interface Report {
  readonly run?: { readonly workDir?: string; readonly runId?: string; readonly cgroupPrefix?: string };
  readonly results: readonly ReportCase[];
}

/** The function that folds the run-specific parts of one report's text. */
export function normalizer(report: Report): (text: string) => string {
  const { workDir, runId, cgroupPrefix } = report.run ?? {};
  return (text) => {
    let s = text;
    if (workDir) s = s.split(workDir).join('<workDir>');
    if (cgroupPrefix) s = s.split(cgroupPrefix).join('<cgroupPrefix>');
    if (runId) s = s.split(runId).join('<runId>').replace(/<runId>-\d+/g, '<runId>-N');
    return s
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?/g, '<time>')
      .replace(/\/proc\/\d+\//g, '/proc/<pid>/')
      .replace(/\b(pid|process) \d+\b/g, '$1 <pid>');
  };
}

/** One case, as compared: a readable line per field, run-specific parts folded. */
export function digest(c: ReportCase, norm: (text: string) => string): Record<string, string> {
  const o = c.outcome;
  const violations = (c.violations ?? o.violations ?? []).map((v) => `${v.requirement} ${v.path ?? '-'} ${norm(v.message)}`).sort();
  const d: Record<string, string> = {
    title: c.title ?? '',
    file: c.file ?? '',
    requirements: (c.requirements ?? []).join(' '),
    status: o.status,
    violations: JSON.stringify(violations),
  };
  if (o.status === 'skip') d.skip = `${norm(o.reason ?? '')}${o.condition ? ` [${o.condition}]` : ''}`;
  if (o.status === 'error') d.error = `${norm(o.message ?? '')}${o.timedOut ? ' (timed out)' : ''}`;
  return d;
}

/** Every difference between the two reports, one line each; empty when they agree case by case. */
export function compareReports(before: Report, after: Report): string[] {
  const nb = normalizer(before);
  const na = normalizer(after);
  const a = new Map(after.results.map((c) => [c.id, c]));
  const b = new Map(before.results.map((c) => [c.id, c]));
  const out: string[] = [];
  for (const [id, cb] of b) {
    const ca = a.get(id);
    if (ca === undefined) {
      out.push(`${id}: only in the first report (${cb.outcome.status})`);
      continue;
    }
    const [db, da] = [digest(cb, nb), digest(ca, na)];
    for (const key of new Set([...Object.keys(db), ...Object.keys(da)])) {
      if (db[key] !== da[key]) out.push(`${id}: ${key} ${db[key] ?? '(none)'} -> ${da[key] ?? '(none)'}`);
    }
  }
  for (const [id, ca] of a) if (!b.has(id)) out.push(`${id}: only in the second report (${ca.outcome.status})`);
  return out;
}

function readReport(path: string): Report {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Partial<Report>;
  if (!Array.isArray(doc.results)) throw new Error(`${path} is not an oci-conform JSON report (no results array)`);
  return doc as Report;
}

export function main(argv: readonly string[]): number {
  if (argv.length !== 2) {
    process.stderr.write('usage: compare-reports BEFORE.json AFTER.json\n');
    return 2;
  }
  let before: Report, after: Report;
  try {
    [before, after] = [readReport(argv[0]!), readReport(argv[1]!)];
  } catch (e) {
    process.stderr.write(`compare-reports: ${(e as Error).message}\n`);
    return 2;
  }
  const diffs = compareReports(before, after);
  for (const line of diffs) process.stdout.write(`${line}\n`);
  const cases = new Set([...before.results, ...after.results].map((c) => c.id)).size;
  process.stdout.write(`${cases} cases compared, ${diffs.length} difference${diffs.length === 1 ? '' : 's'}\n`);
  return diffs.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
