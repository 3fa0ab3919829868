/**
 * `oci-conform merge`: the JSON reports of a sharded run (one per CI matrix
 * job) combined into one run, fed to reporters and judged like a run:
 * expectations apply to the union, so a stale expectation is only stale when
 * no shard ran the case as expected. Reports of different runtimes or host
 * profiles make a matrix instead: one column per runtime and host (its shards
 * merged), each judged by its own report's baseline, for reporters with onMatrix.
 */
import { readFileSync } from 'node:fs';
import { EXIT, OciError } from '../core/errors.js';
import type { CaseResult, Status } from './model.js';
import type { ConformReporter, ExpectationReport, MatrixColumn, RunInfo, RunSummary } from '../reporters/conform/reporter.js';
import { REPORT_VERSION } from '../reporters/conform/reporter.js';
import { columnLabel } from '../reporters/conform/host-line.js';
import { appliedFiles, expectedResults, compareWithExpectations, expandExpectationPaths, loadExpectations, mergeExpectations } from './expectations.js';

interface JsonReport {
  readonly reportVersion: number;
  readonly run: RunInfo;
  readonly stopped?: { readonly code: string; readonly message: string };
  readonly summary: {
    readonly durationMs: number;
    readonly interrupted: boolean;
    readonly leftovers: readonly string[];
    readonly exitCode: number;
    readonly expectations?: ExpectationReport;
  };
  readonly results: readonly CaseResult[];
}

function load(file: string): JsonReport {
  let doc: JsonReport;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
  } catch (e) {
    throw new OciError('OCI_CONFORM_USAGE', `merge: ${file}: ${(e as Error).message}`, { cause: e });
  }
  if (doc?.reportVersion !== REPORT_VERSION || !Array.isArray(doc.results) || !doc.run) {
    throw new OciError('OCI_CONFORM_USAGE', `merge: ${file}: not an oci-conform JSON report of version ${REPORT_VERSION}`);
  }
  if (doc.stopped) throw new OciError('OCI_CONFORM_USAGE', `merge: ${file}: that run stopped early (${doc.stopped.code}: ${doc.stopped.message})`);
  return doc;
}

/** Runtime and host profile of a report: reports that share it are shards of one run; others, columns of a matrix. */
function columnKey(d: JsonReport): string {
  const p = d.run.host?.profile;
  return `${d.run.runtime.binary}\0${p ? `${p.name} ${p.terms.join(' ')}` : ''}`;
}

/** Shards of one run: same runtime, spec version, level and host profile, else a usage error (`hint` appended). */
function checkShards(docs: readonly JsonReport[], files: readonly string[], hint = ''): void {
  const first = docs[0]!;
  for (const [i, d] of docs.entries()) {
    if (d.run.runtime.binary !== first.run.runtime.binary || d.run.specVersion !== first.run.specVersion || d.run.level !== first.run.level) {
      throw new OciError('OCI_CONFORM_USAGE', `merge: ${files[i]} is a run of ${d.run.runtime.binary} at ${d.run.specVersion}/${d.run.level}, ${files[0]} of ${first.run.runtime.binary} at ${first.run.specVersion}/${first.run.level}${d.run.runtime.binary !== first.run.runtime.binary ? hint : ''}`);
    }
    // Expectations may be limited to hosts: shards of one run ran on hosts of one profile.
    const [a, b] = [first.run.host?.profile, d.run.host?.profile];
    if (a?.name !== b?.name || a?.terms.join(' ') !== b?.terms.join(' ')) {
      throw new OciError('OCI_CONFORM_USAGE', `merge: ${files[i]} ran on a host of profile ${b ? `${b.name} (${b.terms.join(', ')})` : 'unknown'}, ${files[0]} on ${a ? `${a.name} (${a.terms.join(', ')})` : 'unknown'}${hint}`);
    }
  }
}

function shardResults(docs: readonly JsonReport[], files: readonly string[]): CaseResult[] {
  const byId = new Map<string, CaseResult>();
  for (const [i, d] of docs.entries()) {
    for (const r of d.results) {
      if (byId.has(r.id)) throw new OciError('OCI_CONFORM_USAGE', `merge: case ${r.id} is in more than one report (again in ${files[i]}): were the shards distinct?`);
      byId.set(r.id, r);
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function countOf(results: readonly CaseResult[]): Record<Status, number> {
  const counts: Record<Status, number> = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
  for (const r of results) counts[r.outcome.status]++;
  return counts;
}

export async function mergeReports(files: readonly string[], o: { reporters: readonly ConformReporter[]; expectations?: readonly string[]; knownIds: ReadonlySet<string> }): Promise<RunSummary> {
  const docs = files.map(load);
  const keys = [...new Set(docs.map(columnKey))];
  if (keys.length > 1 && o.reporters.every((r) => r.onMatrix)) return mergeMatrix(files, docs, keys, o);
  checkShards(docs, files, keys.length > 1 ? ': runs of different runtimes or hosts make a matrix, which only --reporter html=FILE shows' : '');
  const first = docs[0]!;
  const results = shardResults(docs, files);
  const info: RunInfo = {
    ...first.run,
    selection: { total: first.run.selection.total, selected: docs.reduce((n, d) => n + d.run.selection.selected, 0) },
  };
  const expFiles = o.expectations?.length ? expandExpectationPaths(o.expectations) : [];
  const merged = expFiles.length ? mergeExpectations(expFiles.map((f) => ({ file: f, doc: loadExpectations(f) })), first.run.specVersion, first.run.host?.profile?.terms) : undefined;
  for (const r of o.reporters) await r.onRunStart?.(info);
  if (merged) {
    const expected = expectedResults(merged);
    for (const r of o.reporters) await r.onExpectations?.(expected);
  }
  for (const res of results) for (const r of o.reporters) await r.onCaseResult?.(res);
  const counts = countOf(results);
  const exp = merged ? compareWithExpectations(appliedFiles(merged), merged, results, o.knownIds) : undefined;
  const interrupted = docs.some((d) => d.summary.interrupted);
  const bad = exp ? exp.unexpected.length + exp.stale.length > 0 : counts.fail + counts.error > 0;
  const summary: RunSummary = {
    counts,
    durationMs: Math.max(...docs.map((d) => d.summary.durationMs)),
    results,
    expectations: exp,
    interrupted,
    leftovers: docs.flatMap((d) => d.summary.leftovers),
    exitCode: interrupted ? 130 : bad ? EXIT.findings : EXIT.ok,
  };
  for (const r of o.reporters) await r.onRunEnd?.(summary);
  return summary;
}

/** The shards' baseline verdicts as one: unexpected in any shard; stale when no shard ran the case as expected. */
function shardExpectations(docs: readonly JsonReport[], results: readonly CaseResult[]): ExpectationReport | undefined {
  const exps = docs.map((d) => d.summary.expectations).filter((e): e is ExpectationReport => !!e);
  if (exps.length === 0) return undefined;
  const ran = new Set(results.map((r) => r.id));
  const staleIds = new Set<string>();
  return {
    file: exps[0]!.file,
    unexpected: exps.flatMap((e) => e.unexpected),
    stale: exps.flatMap((e) => e.stale).filter((st) => (st.actual !== 'missing' || !ran.has(st.id)) && !staleIds.has(st.id) && !!staleIds.add(st.id)),
    notJudged: exps.flatMap((e) => e.notJudged),
    skipped: exps.flatMap((e) => e.skipped),
  };
}

/** Reports of several runtimes or hosts: one column each, for reporters that draw a matrix. */
async function mergeMatrix(files: readonly string[], docs: readonly JsonReport[], keys: readonly string[], o: { reporters: readonly ConformReporter[]; expectations?: readonly string[] }): Promise<RunSummary> {
  const names = keys.map((k) => columnLabel(docs.find((d) => columnKey(d) === k)!.run)).join(', ');
  if (o.expectations?.length) {
    throw new OciError('OCI_CONFORM_USAGE', `merge: the reports are runs of different runtimes or hosts (${names}): --expectations judges one; each column shows its own report's baseline`);
  }
  const columns: MatrixColumn[] = keys.map((key) => {
    const idx = docs.flatMap((d, i) => (columnKey(d) === key ? [i] : []));
    const [group, groupFiles] = [idx.map((i) => docs[i]!), idx.map((i) => files[i]!)];
    checkShards(group, groupFiles);
    const results = shardResults(group, groupFiles);
    const first = group[0]!;
    const summary: RunSummary = {
      counts: countOf(results),
      durationMs: Math.max(...group.map((d) => d.summary.durationMs)),
      results,
      expectations: shardExpectations(group, results),
      interrupted: group.some((d) => d.summary.interrupted),
      leftovers: group.flatMap((d) => d.summary.leftovers),
      exitCode: Math.max(...group.map((d) => d.summary.exitCode)),
    };
    const run: RunInfo = { ...first.run, selection: { total: first.run.selection.total, selected: group.reduce((n, d) => n + d.run.selection.selected, 0) } };
    return { label: columnLabel(run), run, summary };
  });
  // Two runtimes of one file name on one host: their columns are named by full path.
  const named = columns.map((c) => (columns.filter((x) => x.label === c.label).length > 1 ? { ...c, label: `${c.run.runtime.binary} @ ${c.run.host?.profile?.name ?? 'unknown host'}` } : c));
  for (const r of o.reporters) await r.onMatrix!(named);
  const all = named.flatMap((c) => c.summary.results);
  const interrupted = columns.some((c) => c.summary.interrupted);
  const bad = columns.some((c) => (c.summary.expectations ? c.summary.expectations.unexpected.length + c.summary.expectations.stale.length > 0 : c.summary.counts.fail + c.summary.counts.error > 0));
  return {
    counts: countOf(all),
    durationMs: Math.max(...columns.map((c) => c.summary.durationMs)),
    results: all,
    interrupted,
    leftovers: columns.flatMap((c) => c.summary.leftovers),
    exitCode: interrupted ? 130 : bad ? EXIT.findings : EXIT.ok,
  };
}
