/**
 * Expectations: a runtime's known gaps, outside the cases, keyed by case id
 * (ci/expectations/<runtime>.yaml, or .json), each with a reason and the requirement it
 * breaks. A run matches its baseline when there is no unexpected result and
 * no stale expectation (WPT's rule).
 *
 * {
 *   "runtime": "runc",
 *   "expectations": {
 *     "linux.cgroups.memory.swap": { "status": "fail", "reason": "...", "requirement": "LNX-..." },
 *     "process.env.exact": { "status": "warn", "reason": "...", "violations": [{ "requirement": "CFG-...", "path": "HOME" }] }
 *   }
 * }
 *
 * An entry that names its deviation (`requirement`, or the finer `violations`)
 * expects that deviation and no other: a result of the case with a violation
 * the entry does not name is unexpected, whatever its status, so a known gap
 * can't hide a second, different one in the same case.
 *
 * A file (top-level `hosts`) or an entry (`hosts` in it) may be limited to
 * hosts, in the words of HOST_TERMS (harness/host-profile.ts): it applies
 * where one of its items holds (`"hosts": ["cgroup-v1", "cgroup-v2+rootless"]`).
 *
 * A file without top-level limits may carry `groups`: each a `specVersion`
 * and/or `hosts` with its own `expectations`, merged exactly as a separate
 * file with those limits would be (so one file per runtime can hold what only a
 * 1.3.0 run judges, overriding its plain entries there).
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CaseResult, Status } from './model.js';
import { isHostCondition } from './conditions.js';
import { HOST_TERMS, hostsMatch, unknownHostTerm } from './host-profile.js';
import type { ExpectationReport, ExpectedResults } from '../reporters/conform/reporter.js';
import { OciError } from '../core/errors.js';
import { resolveRuntimeVersion } from '../spec/versions.js';
import { readBaseline, type PathItem } from './baseline-file.js';

/** One expected violation: a requirement, and optionally the `path` of the violation (a compare path, a variable name). */
export interface ExpectedViolation {
  readonly requirement: string;
  readonly path?: string;
}

export interface Expectation {
  readonly status: Exclude<Status, 'pass'>;
  readonly reason: string;
  /** The requirement(s) the result may violate; any violation of another one is unexpected. */
  readonly requirement?: string | readonly string[];
  /** Finer: the violations the result may have; one of another requirement, or another path, is unexpected. */
  readonly violations?: readonly ExpectedViolation[];
  /** The entry applies only on hosts where one of these holds (HOST_TERMS, `a+b`: both). */
  readonly hosts?: readonly string[];
}

/** A violation of a result that its expectation did not name. */
export interface NewViolation {
  readonly requirement: string;
  readonly path?: string;
  readonly message: string;
}

/** A part of a file limited to a spec version and/or hosts: merged as a file with those limits would be. */
export interface ExpectationGroup {
  readonly specVersion?: string;
  readonly hosts?: readonly string[];
  readonly expectations: Readonly<Record<string, Expectation>>;
}

export interface ExpectationFile {
  readonly runtime?: string;
  /** When set, the file applies only to runs targeting this spec version (and overrides unversioned files there). */
  readonly specVersion?: string;
  /** When set, the file applies only on hosts where one of these holds (and there overrides files without one). */
  readonly hosts?: readonly string[];
  readonly expectations: Readonly<Record<string, Expectation>>;
  /** Parts limited to a spec version and/or hosts (only in a file without top-level `specVersion` and `hosts`). */
  readonly groups?: readonly ExpectationGroup[];
  /** Set by mergeExpectations: the files that applied to the run (version and hosts), in the order given. */
  readonly applied?: readonly string[];
  /** Set by mergeExpectations: the file each entry came from. */
  readonly sources?: Readonly<Record<string, string>>;
}

const STATUSES = new Set(['fail', 'warn', 'skip', 'error']);

/** Better results rank lower: a result better than its expectation makes the expectation stale. */
const RANK: Readonly<Record<Status, number>> = { pass: 0, warn: 1, skip: 1, fail: 2, error: 2 };

/** A reason that still has to be written: what --update-expectations puts on an entry it adds. */
export const TODO_REASON = /^\s*TODO\b/;

export interface LoadOptions {
  /**
   * Accept entries whose reason is still a TODO (--update-expectations refreshing its own file). Otherwise such a
   * file is refused: a baseline gates a run only when every deviation in it says why.
   */
  readonly allowTodo?: boolean;
}

/** A baseline file (JSON, or YAML: .yaml/.yml), checked; every error names the file (and the line, for YAML) and the place. */
export function loadExpectations(file: string, opts: LoadOptions = {}): ExpectationFile {
  const { doc, at } = readBaseline(file);
  const bad = (path: readonly PathItem[], what: string): never => {
    throw new OciError('OCI_CONFORM_EXPECTATIONS', `${at(path)}: ${what}`);
  };
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) bad([], 'no "expectations" object');
  const top = doc as { specVersion?: unknown; hosts?: unknown; groups?: unknown };
  checkPart(bad, [], doc, opts);
  if (top.groups === undefined) return doc as ExpectationFile;
  if (!Array.isArray(top.groups) || top.groups.length === 0) bad(['groups'], 'groups: a non-empty array of { specVersion and/or hosts, expectations }');
  if (top.specVersion !== undefined || top.hosts !== undefined) bad(['groups'], `groups: not in a file limited by a top-level ${top.specVersion !== undefined ? 'specVersion' : 'hosts'} (limit each group instead)`);
  for (const [i, g] of (top.groups as unknown[]).entries()) {
    if (typeof g !== 'object' || g === null || Array.isArray(g)) bad(['groups', i], `groups[${i}]: not an object`);
    const limits = g as { specVersion?: unknown; hosts?: unknown };
    if (limits.specVersion === undefined && limits.hosts === undefined) bad(['groups', i], `groups[${i}]: needs a specVersion or hosts (what limits it); entries for every run belong in the top-level "expectations"`);
    if ((g as { groups?: unknown }).groups !== undefined) bad(['groups', i, 'groups'], `groups[${i}].groups: groups do not nest`);
    checkPart(bad, ['groups', i], g, opts);
  }
  return doc as ExpectationFile;
}

/** The `specVersion`, `hosts` and `expectations` of a file (at `[]`) or of one of its groups. */
function checkPart(bad: Bad, at: readonly PathItem[], part: unknown, opts: LoadOptions): void {
  const p = part as { expectations?: unknown; specVersion?: unknown; hosts?: unknown };
  const exp = p.expectations;
  if (typeof exp !== 'object' || exp === null || Array.isArray(exp)) bad(at, `${at.length ? `${placeOf(at)}: ` : ''}no "expectations" object`);
  const sv = p.specVersion;
  if (sv !== undefined && (typeof sv !== 'string' || !resolveRuntimeVersion(sv))) bad([...at, 'specVersion'], `${placeOf([...at, 'specVersion'])} ${JSON.stringify(sv)} is not a runtime-spec 1.x version`);
  checkHosts(bad, [...at, 'hosts'], p.hosts);
  for (const [id, e] of Object.entries(exp as Record<string, unknown>)) {
    const x = e as Partial<Expectation> | null;
    const here = [...at, 'expectations', id];
    const place = placeOf(here);
    if (typeof x !== 'object' || x === null) bad(here, `${place}: not an object`);
    if (!STATUSES.has(String(x!.status))) bad([...here, 'status'], `${place}.status: ${JSON.stringify(x!.status)} is not one of fail, warn, skip, error`);
    if (typeof x!.reason !== 'string' || x!.reason.trim() === '') bad([...here, 'reason'], `${place}.reason: every expectation needs a reason`);
    if (!opts.allowTodo && TODO_REASON.test(x!.reason!)) {
      bad([...here, 'reason'], `${place}.reason: still a TODO (added by --update-expectations): write why the runtime deviates before this baseline can gate a run`);
    }
    checkNamed(bad, here, x!);
    checkHosts(bad, [...here, 'hosts'], x!.hosts);
  }
}

/** A path in a baseline as its errors name it: `groups[0].expectations.a.b.hosts[1]`. */
function placeOf(path: readonly PathItem[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`)).join('');
}

type Bad = (path: readonly PathItem[], what: string) => never;

/** `hosts`, where given, is a non-empty array of host words (or words joined by `+`) that HOST_TERMS knows. */
function checkHosts(bad: Bad, path: readonly PathItem[], hosts: unknown): void {
  if (hosts === undefined) return;
  const place = placeOf(path);
  const known = Object.keys(HOST_TERMS).join(', ');
  if (!Array.isArray(hosts) || hosts.length === 0 || hosts.some((h) => typeof h !== 'string')) bad(path, `${place}: a non-empty array of host words (${known})`);
  const unknown = unknownHostTerm(hosts as string[]);
  if (unknown) bad([...path, unknown[0]], `${place}[${unknown[0]}]: unknown host word ${JSON.stringify(unknown[1])} (known: ${known}; join words with + for all of them)`);
}

function checkNamed(fail: Bad, here: readonly PathItem[], x: Partial<Expectation>): void {
  const bad = (path: readonly PathItem[], what: string): never => fail([...here, ...path], `${placeOf(here)}.${what}`);
  const req = x.requirement;
  const reqs = req === undefined ? undefined : typeof req === 'string' ? [req] : req;
  if (reqs !== undefined && (!Array.isArray(reqs) || reqs.length === 0 || reqs.some((r) => typeof r !== 'string' || r === ''))) bad(['requirement'], 'requirement: a requirement id or a non-empty array of them');
  if (x.violations === undefined) return;
  if (!Array.isArray(x.violations) || x.violations.length === 0) bad(['violations'], 'violations: a non-empty array of {requirement, path?}');
  for (const [i, v] of x.violations.entries()) {
    const o = v as Partial<ExpectedViolation> | null;
    if (typeof o !== 'object' || o === null || typeof o.requirement !== 'string' || o.requirement === '') bad(['violations', i], `violations[${i}].requirement: a requirement id`);
    if (o!.path !== undefined && typeof o!.path !== 'string') bad(['violations', i, 'path'], `violations[${i}].path: a string`);
    if (reqs && !reqs.includes(o!.requirement!)) bad(['violations', i, 'requirement'], `violations[${i}].requirement: ${o!.requirement} is not in "requirement"`);
  }
}

/** The requirement ids an expectation names (empty when it names none: then only its status counts). */
export function namedRequirements(e: Expectation): readonly string[] {
  if (e.requirement !== undefined) return typeof e.requirement === 'string' ? [e.requirement] : e.requirement;
  return [...new Set((e.violations ?? []).map((v) => v.requirement))];
}

/**
 * The violations of a result that its expectation does not name: with
 * `violations`, one matches an entry of the same requirement whose `path` is
 * absent or equal; else with `requirement`, one matches by requirement. An
 * expectation naming neither names nothing, and then nothing is new.
 */
export function newViolations(e: Expectation, r: CaseResult): NewViolation[] {
  const o = r.outcome;
  if (o.status !== 'fail' && o.status !== 'warn') return [];
  const reqs = namedRequirements(e);
  if (reqs.length === 0) return [];
  const named = (v: { requirement: string; path?: string }): boolean =>
    e.violations ? e.violations.some((x) => x.requirement === v.requirement && (x.path === undefined || x.path === v.path)) : reqs.includes(v.requirement);
  return o.violations.filter((v) => !named(v)).map((v) => ({ requirement: v.requirement, ...(v.path === undefined ? {} : { path: v.path }), message: v.message }));
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
  const unexpected: { id: string; expected: Status; actual: Status; new?: NewViolation[] }[] = [];
  const stale: { id: string; expected: Status; actual: Status | 'missing' }[] = [];
  const notJudged: { id: string; expected: Status; reason: string; condition: string }[] = [];
  const skipped: { id: string; expected: Status; reason: string }[] = [];
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const r of results) {
    const e = exp.expectations[r.id];
    const actual = r.outcome.status;
    if (!e) {
      if (actual === 'fail' || actual === 'error') unexpected.push({ id: r.id, expected: 'pass', actual });
      continue;
    }
    const fresh = newViolations(e, r);
    if (fresh.length > 0) {
      // A deviation the baseline does not know, next to (or instead of) the one it does.
      unexpected.push({ id: r.id, expected: e.status, actual, new: fresh });
      continue;
    }
    const o = r.outcome;
    if (o.status === 'skip' && e.status !== 'skip') {
      // A skip can't confirm or refute a gap. Skipped because the host lacks a condition: not judged on this
      // host (reported as such); skipped for another reason (a step before failed, the runtime lacks something):
      // listed, so it stays visible.
      if (o.condition !== undefined && isHostCondition(o.condition)) notJudged.push({ id: r.id, expected: e.status, reason: o.reason, condition: o.condition });
      else skipped.push({ id: r.id, expected: e.status, reason: o.reason });
      continue;
    }
    if (actual === e.status || e.status === 'skip') continue;
    if (RANK[actual] < RANK[e.status]) stale.push({ id: r.id, expected: e.status, actual });
    else unexpected.push({ id: r.id, expected: e.status, actual });
  }
  for (const [id, e] of Object.entries(exp.expectations)) {
    if (!known.has(id) && !byId.has(id)) stale.push({ id, expected: e.status, actual: 'missing' });
  }
  const judged = [...results.map((r) => r.id), ...stale.map((x) => x.id)];
  return { file: exp.sources ? appliedFiles(exp, judged) : file, unexpected, stale, notJudged, skipped };
}

/**
 * The expectations that apply to a run targeting `specVersion` on a host where
 * `hostTerms` hold (HostProfile.terms; absent: a host we know nothing of, where
 * no host-limited file or entry applies). Files without a specVersion apply to
 * every run, files with one only to runs at that version; likewise files with
 * `hosts` only on those hosts, and entries with `hosts` only there. The more
 * specific file wins, in layers: plain, host-limited, version-limited, both.
 * A file's `groups` take part as files of their own with the group's limits.
 * A case id in two files (or groups) of the same layer is an error naming both
 * (entries limited to hosts that do not hold here are not counted).
 */
export function mergeExpectations(files: readonly { file: string; doc: ExpectationFile }[], specVersion?: string, hostTerms?: readonly string[]): ExpectationFile {
  const onHost = (hosts: readonly string[] | undefined): boolean => hosts === undefined || (hostTerms !== undefined && hostsMatch(hosts, hostTerms));
  const applies = (part: ExpectationGroup | ExpectationFile): boolean =>
    (part.specVersion === undefined || specVersion === undefined || resolveRuntimeVersion(part.specVersion) === resolveRuntimeVersion(specVersion)) && onHost(part.hosts);
  const parts = files.flatMap(({ file, doc }) => [
    { file, label: file, part: doc as ExpectationGroup },
    ...(doc.groups ?? []).map((g, i) => ({ file, label: `${file} groups[${i}]`, part: g })),
  ]);
  const applicable = parts.filter((p) => applies(p.part));
  const layer = (d: ExpectationGroup): number => (d.specVersion !== undefined ? 2 : 0) + (d.hosts !== undefined ? 1 : 0);
  const out: Record<string, Expectation> = {};
  const used = new Set<string>();
  const sources: Record<string, string> = {};
  for (const current of [0, 1, 2, 3]) {
    const from = new Map<string, string>();
    for (const { file, label, part } of applicable) {
      if (layer(part) !== current) continue;
      for (const [id, e] of Object.entries(part.expectations)) {
        if (!onHost(e.hosts)) continue;
        const prev = from.get(id);
        if (prev) throw new OciError('OCI_CONFORM_EXPECTATIONS', `${label}: expectations.${id} is also in ${prev}`);
        from.set(id, label);
        out[id] = e;
        sources[id] = file;
        used.add(file);
      }
    }
  }
  // A file applies when one of its entries did, or when it applies here and is empty (a runtime with no gaps).
  const empty = (doc: ExpectationFile): boolean => [doc, ...(doc.groups ?? [])].every((g) => Object.keys(g.expectations).length === 0);
  const applied = files.filter((f) => used.has(f.file) || (applies(f.doc) && empty(f.doc))).map((f) => f.file);
  return { runtime: files.find((f) => applies(f.doc))?.doc.runtime, specVersion, expectations: out, applied, sources };
}

/** What a merged baseline expects, for reporters (ExpectedResults). */
export function expectedResults(merged: ExpectationFile): ExpectedResults {
  return Object.fromEntries(Object.entries(merged.expectations).map(([id, e]) => [id, { status: e.status, reason: e.reason, requirements: namedRequirements(e) }]));
}

/**
 * The files of a merged baseline that applied to the cases judged: those with an entry for one of `ids` (the
 * cases run, and entries judged stale), for the report's `file` and the console's "matches baseline" line.
 */
export function appliedFiles(merged: ExpectationFile, ids?: Iterable<string>): string {
  const used = ids && merged.sources ? new Set([...ids].flatMap((id) => (merged.sources![id] ? [merged.sources![id]!] : []))) : undefined;
  const files = (merged.applied ?? []).filter((f) => !used || used.has(f));
  return files.length ? files.join(', ') : '(no entry of the given files applies to the cases run)';
}

/**
 * Expands `*` and `?` in the file name part of each path (so a CI step can say
 * 'ci/expectations/runc.*.yaml' without a shell); a pattern matching nothing is an error.
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
    if (names.length === 0) throw new OciError('OCI_CONFORM_EXPECTATIONS', `--expectations ${p}: no file matches`);
    out.push(...names.map((n) => join(dirname(p), n)));
  }
  return out;
}
