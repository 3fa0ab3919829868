/**
 * Expectations: a runtime's known gaps, outside the cases, keyed by case id
 * (ci/expectations/<runtime>.json), each with a reason and the requirement it
 * breaks. A run matches its baseline when there is no unexpected result and
 * no stale expectation (WPT's rule).
 *
 * {
 *   "runtime": "runc",
 *   "expectations": {
 *     "linux.cgroups.memory.swap": { "status": "fail", "reason": "...", "requirement": "LNX-..." }
 *   }
 * }
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CaseResult, Status } from '../suites/case.js';
import type { ExpectationReport } from '../reporters/conform/reporter.js';
import { ConformError } from './errors.js';
import { resolveRuntimeVersion } from '../spec/versions.js';

export interface Expectation {
  readonly status: Exclude<Status, 'pass'>;
  readonly reason: string;
  readonly requirement?: string;
}

export interface ExpectationFile {
  readonly runtime?: string;
  /** When set, the file applies only to runs targeting this spec version (and overrides unversioned files there). */
  readonly specVersion?: string;
  readonly expectations: Readonly<Record<string, Expectation>>;
}

const STATUSES = new Set(['fail', 'warn', 'skip', 'error']);

/** Better results rank lower: a result better than its expectation makes the expectation stale. */
const RANK: Readonly<Record<Status, number>> = { pass: 0, warn: 1, skip: 1, fail: 2, error: 2 };

export function loadExpectations(file: string): ExpectationFile {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConformError('OCI_CONFORM_EXPECTATIONS', `${file}: ${(e as Error).message}`, { cause: e });
  }
  const exp = (doc as { expectations?: unknown })?.expectations;
  if (typeof exp !== 'object' || exp === null || Array.isArray(exp)) {
    throw new ConformError('OCI_CONFORM_EXPECTATIONS', `${file}: no "expectations" object`);
  }
  const sv = (doc as { specVersion?: unknown }).specVersion;
  if (sv !== undefined && (typeof sv !== 'string' || !resolveRuntimeVersion(sv))) {
    throw new ConformError('OCI_CONFORM_EXPECTATIONS', `${file}: specVersion ${JSON.stringify(sv)} is not a runtime-spec 1.x version`);
  }
  for (const [id, e] of Object.entries(exp as Record<string, unknown>)) {
    const x = e as Partial<Expectation> | null;
    if (typeof x !== 'object' || x === null) throw new ConformError('OCI_CONFORM_EXPECTATIONS', `${file}: expectations.${id}: not an object`);
    if (!STATUSES.has(String(x.status))) throw new ConformError('OCI_CONFORM_EXPECTATIONS', `${file}: expectations.${id}.status: ${JSON.stringify(x.status)} is not one of fail, warn, skip, error`);
    if (typeof x.reason !== 'string' || x.reason.trim() === '') throw new ConformError('OCI_CONFORM_EXPECTATIONS', `${file}: expectations.${id}.reason: every expectation needs a reason`);
  }
  return doc as ExpectationFile;
}

/**
 * `known` are all case ids that exist; `selected` the ones this run (or shard)
 * ran. Expectations of known cases outside the selection are not judged.
 */
export function compareWithExpectations(
  file: string,
  exp: ExpectationFile,
  results: readonly CaseResult[],
  known: ReadonlySet<string>,
): ExpectationReport {
  const unexpected: { id: string; expected: Status; actual: Status }[] = [];
  const stale: { id: string; expected: Status; actual: Status | 'missing' }[] = [];
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const r of results) {
    const e = exp.expectations[r.id];
    const actual = r.outcome.status;
    if (!e) {
      if (actual === 'fail' || actual === 'error') unexpected.push({ id: r.id, expected: 'pass', actual });
      continue;
    }
    if (actual === e.status || actual === 'skip' || e.status === 'skip') continue; // a skip can't confirm or refute a gap
    if (RANK[actual] < RANK[e.status]) stale.push({ id: r.id, expected: e.status, actual });
    else unexpected.push({ id: r.id, expected: e.status, actual });
  }
  for (const [id, e] of Object.entries(exp.expectations)) {
    if (!known.has(id) && !byId.has(id)) stale.push({ id, expected: e.status, actual: 'missing' });
  }
  return { file, unexpected, stale };
}

/**
 * The expectations that apply to a run targeting `specVersion`: files without
 * a specVersion apply to every run, files with one only to runs at that
 * version, and there they override unversioned files. A case id in two files
 * of the same kind is an error naming both.
 */
export function mergeExpectations(files: readonly { file: string; doc: ExpectationFile }[], specVersion?: string): ExpectationFile {
  const applicable = files.filter((f) => f.doc.specVersion === undefined || specVersion === undefined || resolveRuntimeVersion(f.doc.specVersion) === resolveRuntimeVersion(specVersion));
  const out: Record<string, Expectation> = {};
  for (const versioned of [false, true]) {
    const from = new Map<string, string>();
    for (const { file, doc } of applicable) {
      if ((doc.specVersion !== undefined) !== versioned) continue;
      for (const [id, e] of Object.entries(doc.expectations)) {
        const prev = from.get(id);
        if (prev) throw new ConformError('OCI_CONFORM_EXPECTATIONS', `${file}: expectations.${id} is also in ${prev}`);
        from.set(id, file);
        out[id] = e;
      }
    }
  }
  return { runtime: applicable[0]?.doc.runtime, specVersion, expectations: out };
}

/**
 * Expands `*` and `?` in the file name part of each path (so a CI step can say
 * 'ci/expectations/runc.*.json' without a shell); a pattern matching nothing is an error.
 */
export function expandExpectationPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const name = basename(p);
    if (!/[*?]/.test(name)) {
      out.push(p);
      continue;
    }
    const re = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    let names: string[] = [];
    try {
      names = readdirSync(dirname(p)).filter((n) => re.test(n)).sort();
    } catch {
      /* reported below */
    }
    if (names.length === 0) throw new ConformError('OCI_CONFORM_EXPECTATIONS', `--expectations ${p}: no file matches`);
    out.push(...names.map((n) => join(dirname(p), n)));
  }
  return out;
}
