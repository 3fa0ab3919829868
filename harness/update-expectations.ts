/**
 * --update-expectations FILE: writes or refreshes a baseline from a run's results.
 * - an existing entry keeps its reason; it is dropped when its case now passes (stale) or no longer exists;
 *   when its case deviates otherwise now (another status, a violation it does not name), its status and
 *   requirements follow the run and it is listed as changed, for its reason to be reread;
 * - a case that failed (or errored) with no entry gets one, whose reason is `TODO: …` (TODO_REASON): a file
 *   with such a reason is refused by every run that gates on it until the reason is written;
 * - entries the run can't judge are kept as they are: cases not selected or skipped, and entries limited to
 *   `hosts` (the file's own `hosts` and `specVersion` are kept too).
 * YAML (comments and order of the existing file kept) unless FILE ends in .json.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { Document, isMap } from 'yaml';
import type { CaseResult, Status } from './model.js';
import { loadExpectations, namedRequirements, newViolations, type Expectation, type ExpectationFile } from './expectations.js';
import { isYamlFile, readBaseline } from './baseline-file.js';

export interface BaselineUpdate {
  readonly file: string;
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly dropped: readonly string[];
  readonly kept: number;
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

export function updateBaseline(file: string, results: readonly CaseResult[], known: ReadonlySet<string>, runtime: string): BaselineUpdate {
  const exists = existsSync(file);
  const old: ExpectationFile = exists ? loadExpectations(file, { allowTodo: true }) : { runtime, expectations: {} };
  const byId = new Map(results.map((r) => [r.id, r]));
  const next = new Map<string, Entry | Expectation>();
  const added: string[] = [];
  const changed: string[] = [];
  const dropped: string[] = [];
  for (const [id, e] of Object.entries(old.expectations)) {
    const u = known.has(id) || byId.has(id) ? refresh(e, byId.get(id)) : 'drop';
    if (u === 'drop') dropped.push(id);
    else if (u) {
      next.set(id, u);
      changed.push(id);
    }
    else next.set(id, e);
  }
  for (const r of results) {
    if (old.expectations[r.id] || (r.outcome.status !== 'fail' && r.outcome.status !== 'error')) continue;
    const reqs = violated(r);
    next.set(r.id, { status: r.outcome.status, ...(reqs.length ? { requirement: one(reqs) } : {}), reason: todo(r, old.runtime ?? runtime) });
    added.push(r.id);
  }
  const doc: ExpectationFile = { ...old, runtime: old.runtime ?? runtime, expectations: Object.fromEntries(next) };
  if (!isYamlFile(file)) writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  else writeFileSync(file, yamlText(file, exists, doc, { added, changed, dropped }));
  return { file, added, changed, dropped, kept: next.size - added.length - changed.length };
}

/** The YAML of the refreshed file: the existing document edited in place (its comments stay), or a new one. */
function yamlText(file: string, exists: boolean, doc: ExpectationFile, d: { added: string[]; changed: string[]; dropped: string[] }): string {
  const yaml = exists ? readBaseline(file).yaml : undefined;
  if (!yaml) {
    const fresh = new Document({ runtime: doc.runtime, ...(doc.specVersion ? { specVersion: doc.specVersion } : {}), ...(doc.hosts ? { hosts: doc.hosts } : {}), expectations: doc.expectations });
    fresh.commentBefore = ` Baseline of ${doc.runtime} for oci-conform --expectations (ci/expectations/README.md).\n Written by --update-expectations: replace every TODO reason with why the runtime deviates.`;
    return fresh.toString({ lineWidth: 0 });
  }
  for (const id of d.dropped) yaml.deleteIn(['expectations', id]);
  for (const id of [...d.changed, ...d.added]) yaml.setIn(['expectations', id], yaml.createNode(doc.expectations[id]));
  if (!isMap(yaml.get('expectations', true))) yaml.set('expectations', yaml.createNode(doc.expectations));
  return yaml.toString({ lineWidth: 0 });
}
