/** The console summary: counts by spec area, the details of what failed, the baseline verdict. */
import type { CaseResult, Status } from '../../harness/model.js';
import type { Paint } from './colors.js';
import type { ExpectedResults, RunSummary } from './reporter.js';
import { areaOf, brief, shownViolations, violationLine, violationsOf } from './evidence.js';

const STATUSES: readonly Status[] = ['pass', 'fail', 'warn', 'skip', 'error'];

export function areaTable(results: readonly CaseResult[]): string[] {
  const byArea = new Map<string, Record<Status, number>>();
  for (const r of results) {
    const a = areaOf(r.id);
    const row = byArea.get(a) ?? { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
    row[r.outcome.status]++;
    byArea.set(a, row);
  }
  const width = Math.max(4, ...[...byArea.keys()].map((a) => a.length));
  const lines = [`${'area'.padEnd(width)}  ${STATUSES.map((s) => s.padStart(5)).join(' ')}`];
  for (const [a, row] of [...byArea].sort(([x], [y]) => (x < y ? -1 : 1))) lines.push(`${a.padEnd(width)}  ${STATUSES.map((s) => String(row[s]).padStart(5)).join(' ')}`);
  return lines;
}

/** A failure in full, short enough for a screen: one line per violation, the kept config's path (never the config). */
export function detailLines(r: CaseResult, version: string, p: Paint): string[] {
  const o = r.outcome;
  const head = o.status === 'warn' ? p.yellow(`WARN ${r.id}`) : p.red(`${o.status.toUpperCase()} ${r.id}`);
  const lines = [`${head} ${p.dim(r.file)}`];
  if (o.status === 'error') lines.push(`  ${o.message}`);
  for (const v of shownViolations(r, version)) {
    lines.push(`  ${violationLine(v)}`);
    if (v.reference) lines.push(p.dim(`    ${v.reference}`));
  }
  for (const c of r.configs) lines.push(p.dim(`  config of ${c.id}: ${c.file ?? `${c.path} (removed with the run; --artifacts keeps it)`}`));
  if (r.containerStderr) lines.push(p.dim(`  container stderr: ${r.containerStderr.trim().split('\n').slice(-3).join(' | ')}`));
  for (const n of r.notes) lines.push(p.dim(`  note: ${n}`));
  return lines;
}

/** A result the baseline expected: one dim line with what broke and the baseline's reason. */
export function expectedLine(r: CaseResult, p: Paint, reason: string | undefined): string {
  const what = r.outcome.status === 'error' ? r.outcome.message : [...new Set(violationsOf(r).map((v) => v.requirement))].join(', ');
  return p.dim(`expected ${r.outcome.status.toUpperCase()} ${r.id}: ${brief(what, 120).replace(/^"|"$/g, '')}${reason ? ` (baseline: ${brief(reason, 120).replace(/^"|"$/g, '')})` : ''}`);
}

export function summaryLines(s: RunSummary, version: string, p: Paint, expected: ExpectedResults = {}): string[] {
  const lines = ['', ...areaTable(s.results), ''];
  // With a baseline, a non-passing result it does not flag as unexpected was expected (the gate's own verdict).
  const unexpected = new Set(s.expectations?.unexpected.map((u) => u.id));
  for (const r of s.results) {
    const st = r.outcome.status;
    if (st !== 'fail' && st !== 'error' && st !== 'warn') continue;
    if (s.expectations && !unexpected.has(r.id) && (st !== 'warn' || expected[r.id])) lines.push(expectedLine(r, p, expected[r.id]?.reason));
    else lines.push(...detailLines(r, version, p));
  }
  const c = s.counts;
  lines.push(
    '',
    `${p.green(`${c.pass} passed`)}, ${c.fail ? p.red(`${c.fail} failed`) : '0 failed'}, ${c.warn ? p.yellow(`${c.warn} warnings`) : '0 warnings'}, ${c.skip} skipped, ${c.error ? p.red(`${c.error} errors`) : '0 errors'} in ${(s.durationMs / 1000).toFixed(1)} s`,
  );
  if (s.expectations) {
    const e = s.expectations;
    for (const u of e.unexpected) {
      if (!u.new) lines.push(p.red(`unexpected: ${u.id} is ${u.actual}, baseline says ${u.expected}`));
      else for (const v of u.new) lines.push(p.red(`unexpected: ${u.id} is ${u.actual} with a violation the baseline does not name: ${v.requirement}${v.path === undefined ? '' : ` at ${v.path}`}: ${v.message}`));
    }
    for (const st of e.stale) lines.push(p.yellow(`stale expectation: ${st.id} expected ${st.expected}, got ${st.actual}`));
    for (const n of e.notJudged) lines.push(p.dim(`not judged on this host: ${n.id} (expected ${n.expected}): ${n.reason}`));
    for (const n of e.skipped) lines.push(p.yellow(`expected ${n.expected} but skipped (not a host reason): ${n.id}: ${n.reason}`));
    lines.push(e.unexpected.length + e.stale.length === 0 ? p.green(`matches baseline ${e.file}`) : p.red(`does not match baseline ${e.file}`));
  }
  if (s.stopped) lines.push(p.red(`stopped: ${s.stopped.code}: ${s.stopped.message} (exit ${s.exitCode})`));
  else if (s.interrupted) lines.push(p.yellow('interrupted: cleanup ran, remaining cases were not started'));
  if (s.leftovers.length > 0) lines.push(p.red(`left behind (run \`oci-conform cleanup\`): ${s.leftovers.join(', ')}`));
  return lines;
}
