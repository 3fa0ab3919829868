/**
 * `oci-conform merge`: the JSON reports of a sharded run (one per CI matrix
 * job) combined into one run, fed to reporters and judged like a run:
 * expectations apply to the union, so a stale expectation is only stale when
 * no shard ran the case as expected.
 */
import { readFileSync } from 'node:fs';
import { EXIT, OciError } from '../core/errors.js';
import type { CaseResult, Status } from './model.js';
import type { ConformReporter, RunInfo, RunSummary } from '../reporters/conform/reporter.js';
import { REPORT_VERSION } from '../reporters/conform/reporter.js';
import { appliedFiles, expectedResults, compareWithExpectations, expandExpectationPaths, loadExpectations, mergeExpectations } from './expectations.js';

interface JsonReport {
  readonly reportVersion: number;
  readonly run: RunInfo;
  readonly stopped?: { readonly code: string; readonly message: string };
  readonly summary: { readonly durationMs: number; readonly interrupted: boolean; readonly leftovers: readonly string[] };
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

export async function mergeReports(files: readonly string[], o: { reporters: readonly ConformReporter[]; expectations?: readonly string[]; knownIds: ReadonlySet<string> }): Promise<RunSummary> {
  const docs = files.map(load);
  const first = docs[0]!;
  for (const [i, d] of docs.entries()) {
    if (d.run.runtime.binary !== first.run.runtime.binary || d.run.specVersion !== first.run.specVersion || d.run.level !== first.run.level) {
      throw new OciError('OCI_CONFORM_USAGE', `merge: ${files[i]} is a run of ${d.run.runtime.binary} at ${d.run.specVersion}/${d.run.level}, ${files[0]} of ${first.run.runtime.binary} at ${first.run.specVersion}/${first.run.level}`);
    }
    // Expectations may be limited to hosts: shards of one run ran on hosts of one profile.
    const [a, b] = [first.run.host?.profile, d.run.host?.profile];
    if (a?.name !== b?.name || a?.terms.join(' ') !== b?.terms.join(' ')) {
      throw new OciError('OCI_CONFORM_USAGE', `merge: ${files[i]} ran on a host of profile ${b ? `${b.name} (${b.terms.join(', ')})` : 'unknown'}, ${files[0]} on ${a ? `${a.name} (${a.terms.join(', ')})` : 'unknown'}`);
    }
  }
  const byId = new Map<string, CaseResult>();
  for (const [i, d] of docs.entries()) {
    for (const r of d.results) {
      if (byId.has(r.id)) throw new OciError('OCI_CONFORM_USAGE', `merge: case ${r.id} is in more than one report (again in ${files[i]}): were the shards distinct?`);
      byId.set(r.id, r);
    }
  }
  const results = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
  const counts: Record<Status, number> = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
  for (const r of results) counts[r.outcome.status]++;
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
