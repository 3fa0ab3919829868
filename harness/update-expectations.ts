/**
 * --update-expectations FILE: writes or refreshes a baseline from a run's results.
 * - an existing entry keeps its reason; it is dropped when its case now passes (stale) or no longer exists;
 *   when its case deviates otherwise now (another status, a violation it does not name), its status and
 *   requirements follow the run and it is listed as changed, for its reason to be reread;
 * - a case that failed (or errored) with no entry gets one, whose reason is `TODO: …` (TODO_REASON): a file
 *   with such a reason is refused by every run that gates on it until the reason is written;
 * - entries the run can't judge are kept as they are: cases not selected or skipped, entries limited to
 *   `hosts`, and entries of a file or group whose `specVersion` or `hosts` do not apply to the run (those limits
 *   are kept too); where a group for the run's spec version overrides a plain entry, the group's entry is the
 *   one judged;
 * - a new entry goes into the group limited to exactly the run's spec version (no hosts) if the file has one,
 *   else into the top-level `expectations`; a file whose own `specVersion` or `hosts` do not hold for the run gets
 *   none (and keeps every entry of a case that still exists).
 * YAML (comments and order of the existing file kept) unless FILE ends in .json.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { Document, isMap, isScalar, visit } from 'yaml';
import type { CaseResult, Status } from './model.js';
import { loadExpectations, namedRequirements, newViolations, type Expectation, type ExpectationFile, type ExpectationGroup } from './expectations.js';
import { isYamlFile, readBaseline, type PathItem } from './baseline-file.js';
import { hostsMatch } from './host-profile.js';
import { resolveRuntimeVersion } from '../spec/versions.js';

export interface BaselineUpdate {
  readonly file: string;
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly dropped: readonly string[];
  /**
   * Dropped from a group whose entry overrode another one (a top-level entry) that now applies again, though this
   * run's result is better than it: a case that passes only at the group's version, which a baseline can't say.
   * A run gating on the file finds those stale until someone edits them.
   */
  readonly uncovered: readonly string[];
  readonly kept: number;
  /** False when the file's own `specVersion` or `hosts` do not hold for the run: nothing in it judged, nothing added. */
  readonly applies: boolean;
}

type Entry = { status: Exclude<Status, 'pass'>; requirement?: string | string[]; violations?: { requirement: string; path?: string }[]; reason: string; hosts?: readonly string[] };

const one = (s: string[]): string | string[] => (s.length === 1 ? s[0]! : s);

function violated(r: CaseResult): string[] {
  const o = r.outcome;
  return o.status === 'fail' || o.status === 'warn' ? [...new Set(o.violations.map((v) => v.requirement))] : [];
}

/** The reason of an added entry: a TODO naming what broke (no run-specific paths, so a rerun writes the same). */
function todo(r: CaseResult, runtime: string): string {
  const reqs = violated(r);
  return reqs.length ? `TODO: say why ${runtime} breaks ${reqs.join(', ')} here` : `TODO: say why this case ends in ${r.outcome.status} with ${runtime}`;
}

/** The refreshed entry of an existing one, or undefined to keep it unchanged; 'drop' when it is stale. */
function refresh(e: Expectation, r: CaseResult | undefined): Entry | 'drop' | undefined {
  if (!r || e.hosts !== undefined) return undefined;
  const o = r.outcome;
  if (o.status === 'pass') return 'drop';
  if (o.status === 'skip') return undefined;
  const fresh = newViolations(e, r);
  if (o.status === e.status && fresh.length === 0) return undefined;
  const out: Entry = { status: o.status, reason: e.reason };
  const reqs = [...new Set([...namedRequirements(e), ...fresh.map((v) => v.requirement)])];
  if (e.violations) out.violations = [...e.violations, ...fresh.map((v) => ({ requirement: v.requirement, ...(v.path === undefined ? {} : { path: v.path }) }))];
  if (e.requirement !== undefined || (!e.violations && reqs.length > 0)) out.requirement = one(reqs.length ? reqs : violated(r));
  return out;
}

/** What the run targeted, to tell which parts of the file it judges; absent: every part is taken to apply. */
export interface UpdateRun {
  readonly specVersion?: string;
  /** HostProfile.terms of the run's host. */
  readonly hostTerms?: readonly string[];
}

/** The top-level entries (path `expectations`) or a group's (`groups.i.expectations`), as the update rewrites them. */
interface Part {
  readonly path: readonly PathItem[];
  readonly limits: ExpectationGroup;
  readonly next: Map<string, Entry | Expectation>;
  readonly dropped: string[];
  readonly set: string[];
}

export function updateBaseline(file: string, results: readonly CaseResult[], known: ReadonlySet<string>, runtime: string, run?: UpdateRun): BaselineUpdate {
  const exists = existsSync(file);
  const old: ExpectationFile = exists ? loadExpectations(file, { allowTodo: true }) : { runtime, expectations: {} };
  const byId = new Map(results.map((r) => [r.id, r]));
  const parts: Part[] = [old, ...(old.groups ?? [])].map((g, i) => ({ path: i === 0 ? ['expectations'] : ['groups', i - 1, 'expectations'], limits: g, next: new Map(), dropped: [], set: [] }));
  const onHost = (hosts: readonly string[] | undefined): boolean => hosts === undefined || run?.hostTerms === undefined || hostsMatch(hosts, run.hostTerms);
  const sameVersion = (v: string | undefined): boolean => v === undefined || run?.specVersion === undefined || resolveRuntimeVersion(v) === resolveRuntimeVersion(run.specVersion);
  const applicable = parts.filter((p) => sameVersion(p.limits.specVersion) && onHost(p.limits.hosts));
  const layer = (g: ExpectationGroup): number => (g.specVersion !== undefined ? 2 : 0) + (g.hosts !== undefined ? 1 : 0);
  /** The part whose entry for `id` the run judged (as mergeExpectations picks it). */
  const judgedIn = (id: string): Part | undefined =>
    applicable.filter((p) => p.limits.expectations[id] && onHost(p.limits.expectations[id]!.hosts)).sort((a, b) => layer(b.limits) - layer(a.limits))[0];
  const added: string[] = [];
  const changed: string[] = [];
  const dropped: string[] = [];
  const uncovered: string[] = [];
  for (const part of parts) {
    for (const [id, e] of Object.entries(part.limits.expectations)) {
      const u = !known.has(id) && !byId.has(id) ? 'drop' : judgedIn(id) === part ? refresh(e, byId.get(id)) : undefined;
      if (u === 'drop') {
        part.dropped.push(id);
        if (!dropped.includes(id)) dropped.push(id);
        const below = applicable.find((p) => p !== part && layer(p.limits) < layer(part.limits) && p.limits.expectations[id] && onHost(p.limits.expectations[id]!.hosts));
        if (below && byId.has(id)) uncovered.push(id);
      } else if (u) {
        part.next.set(id, u);
        part.set.push(id);
        changed.push(id);
      } else part.next.set(id, e);
    }
  }
  const target = !applicable.includes(parts[0]!)
    ? undefined
    : parts.find((p) => p.limits !== old && p.limits.hosts === undefined && p.limits.specVersion !== undefined && run?.specVersion !== undefined && sameVersion(p.limits.specVersion)) ?? parts[0]!;
  for (const r of results) {
    if (!target || judgedIn(r.id) || target.limits.expectations[r.id] || (r.outcome.status !== 'fail' && r.outcome.status !== 'error')) continue;
    const reqs = violated(r);
    target.next.set(r.id, { status: r.outcome.status, ...(reqs.length ? { requirement: one(reqs) } : {}), reason: todo(r, old.runtime ?? runtime) });
    target.set.push(r.id);
    added.push(r.id);
  }
  const entries = (p: Part): Record<string, Entry | Expectation> => Object.fromEntries(p.next);
  const doc: ExpectationFile = {
    ...old,
    runtime: old.runtime ?? runtime,
    expectations: entries(parts[0]!),
    ...(old.groups ? { groups: old.groups.map((g, i) => ({ ...g, expectations: entries(parts[i + 1]!) })) } : {}),
  };
  if (!isYamlFile(file)) writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  else writeFileSync(file, yamlText(file, exists, doc, parts));
  const kept = parts.reduce((n, p) => n + p.next.size, 0) - added.length - changed.length;
  return { file, added, changed, dropped, uncovered, kept, applies: target !== undefined };
}

/** A node for a value written into a baseline: lists of plain values (requirement ids, host words) on one line. */
function node(yaml: Document, value: unknown): ReturnType<Document['createNode']> {
  const n = yaml.createNode(value);
  visit(n, {
    Seq: (_, seq) => {
      if (seq.items.every((i) => isScalar(i))) seq.flow = true;
    },
  });
  return n;
}

/** The YAML of the refreshed file: the existing document edited in place (its comments stay), or a new one. */
function yamlText(file: string, exists: boolean, doc: ExpectationFile, parts: readonly Part[]): string {
  const yaml = exists ? readBaseline(file).yaml : undefined;
  if (!yaml) {
    const fresh = new Document();
    fresh.contents = node(fresh, { runtime: doc.runtime, ...(doc.specVersion ? { specVersion: doc.specVersion } : {}), ...(doc.hosts ? { hosts: doc.hosts } : {}), expectations: doc.expectations });
    fresh.commentBefore = ` Baseline of ${doc.runtime} for oci-conform --expectations (ci/expectations/README.md).\n Written by --update-expectations: replace every TODO reason with why the runtime deviates.`;
    return fresh.toString({ lineWidth: 0, flowCollectionPadding: false });
  }
  for (const [i, p] of parts.entries()) {
    const entries = i === 0 ? doc.expectations : doc.groups![i - 1]!.expectations;
    for (const id of p.dropped) yaml.deleteIn([...p.path, id]);
    if (!isMap(yaml.getIn(p.path, true))) yaml.setIn(p.path, node(yaml, entries));
    else for (const id of p.set) yaml.setIn([...p.path, id], node(yaml, entries[id]));
  }
  return yaml.toString({ lineWidth: 0, flowCollectionPadding: false });
}
