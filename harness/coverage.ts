/**
 * `oci-conform coverage`: every requirement of the catalogue with the rules and
 * cases that check it, and whether those cases can run here. Pure: the caller
 * gives the static checkers per id, the cases and the probed conditions, so a
 * test can hand in any of them. Runtime conditions (RUNTIME_CONDITIONS) can't be
 * known without a runtime: a case needing one is `runtime-dependent`, not
 * runnable or not.
 */
import type { Level, Requirement } from '../spec/types.js';
import { CATALOGUE, levelAt } from '../spec/catalogue.js';
import { LATEST } from '../spec/coverage.js';
import { isHostCondition, type Condition, type HostConditions } from './conditions.js';

/** A case as coverage sees it: its id, what it cites, what it needs. */
export interface CoverageCase {
  readonly id: string;
  readonly requirements: readonly string[];
  readonly also?: readonly string[];
  readonly needs?: readonly Condition[];
}

/**
 * Whether a case can run on this host: `yes` (every host condition it needs holds, and it needs no runtime
 * condition), `runtime` (its host conditions hold; it also needs runtime ones, known only in a run), `no`
 * (a host condition it needs does not hold; `missing` names them with the probe's reason).
 */
export type Runnable =
  | { readonly here: 'yes' }
  | { readonly here: 'runtime'; readonly runtimeConditions: readonly Condition[] }
  | { readonly here: 'no'; readonly missing: readonly { readonly condition: Condition; readonly reason: string }[] };

export interface CaseCoverage {
  readonly id: string;
  readonly needs: readonly Condition[];
  readonly runnable: Runnable;
}

/** One requirement's line: who checks it; `status` sums it up. */
export interface RequirementCoverage {
  readonly id: string;
  readonly spec: string;
  readonly doc: string;
  readonly level: Exclude<Level, 'INFO'>;
  readonly summary: string;
  /** Rule, layout check or schema ids of oci-validate that cite it. */
  readonly rules: readonly string[];
  readonly cases: readonly CaseCoverage[];
  /** The catalogue's reason when it is marked untestable. */
  readonly untestable?: string;
  /**
   * covered: a rule or a case cites it; untestable: marked so in the catalogue and cited by nothing;
   * unchecked: neither.
   */
  readonly status: 'covered' | 'untestable' | 'unchecked';
  /** Some case citing it can run here (`yes`), only with runtime conditions (`runtime`), none (`no`), no case (`none`). */
  readonly runnableHere: 'yes' | 'runtime' | 'no' | 'none';
}

export interface DocCoverage {
  readonly spec: string;
  readonly doc: string;
  readonly must: number;
  /** MUSTs a rule or a case cites. */
  readonly mustCovered: number;
  /** MUSTs cited by a case that can run here with no runtime condition, or only a rule (static checks run anywhere). */
  readonly mustRunnableHere: number;
  readonly mustUntestable: number;
  readonly should: number;
  readonly shouldCovered: number;
}

export interface CoverageReport {
  readonly requirements: readonly RequirementCoverage[];
  readonly documents: readonly DocCoverage[];
  /** Every condition the cases need, as probed here; runtime ones are listed, never probed. */
  readonly conditions: readonly { readonly condition: Condition; readonly kind: 'host' | 'runtime'; readonly ok?: boolean; readonly reason?: string }[];
}

export interface CoverageInputs {
  /** Requirement id -> the oci-validate checkers citing it. */
  readonly rulesById: ReadonlyMap<string, readonly string[]>;
  readonly cases: readonly CoverageCase[];
  /** The host's conditions, probed as a run probes them; runtime ones are ignored. */
  readonly conditions: HostConditions;
  readonly catalogue?: readonly Requirement[];
}

export function runnableOn(needs: readonly Condition[], conditions: HostConditions): Runnable {
  const missing = needs.filter(isHostCondition).flatMap((c) => {
    const s = conditions[c];
    return s.ok ? [] : [{ condition: c, reason: s.reason }];
  });
  if (missing.length > 0) return { here: 'no', missing };
  const runtimeConditions = needs.filter((c) => !isHostCondition(c));
  return runtimeConditions.length > 0 ? { here: 'runtime', runtimeConditions } : { here: 'yes' };
}

const RANK = { yes: 3, runtime: 2, no: 1, none: 0 } as const;

export function computeCoverage(inp: CoverageInputs): CoverageReport {
  const catalogue = inp.catalogue ?? CATALOGUE;
  const casesById = new Map<string, CaseCoverage[]>();
  const needed = new Set<Condition>();
  for (const c of inp.cases) {
    const needs = c.needs ?? [];
    for (const n of needs) needed.add(n);
    const cc: CaseCoverage = { id: c.id, needs, runnable: runnableOn(needs, inp.conditions) };
    for (const id of new Set([...c.requirements, ...(c.also ?? [])])) casesById.set(id, [...(casesById.get(id) ?? []), cc]);
  }
  const requirements = catalogue.map((r): RequirementCoverage => {
    const rules = [...(inp.rulesById.get(r.id) ?? [])].sort();
    const cases = casesById.get(r.id) ?? [];
    const cited = rules.length > 0 || cases.length > 0;
    const status = cited ? 'covered' : r.check.by === 'untestable' ? 'untestable' : 'unchecked';
    let runnableHere: RequirementCoverage['runnableHere'] = 'none';
    for (const c of cases) if (RANK[c.runnable.here] > RANK[runnableHere]) runnableHere = c.runnable.here;
    return {
      id: r.id,
      spec: r.spec,
      doc: r.doc,
      level: levelAt(r, LATEST[r.spec]),
      summary: r.summary,
      rules,
      cases,
      ...(r.check.by === 'untestable' ? { untestable: r.check.why } : {}),
      status,
      runnableHere,
    };
  });
  const docs = new Map<string, { spec: string; doc: string; must: number; mustCovered: number; mustRunnableHere: number; mustUntestable: number; should: number; shouldCovered: number }>();
  for (const r of requirements) {
    const key = `${r.spec}/${r.doc}`;
    let d = docs.get(key);
    if (!d) docs.set(key, (d = { spec: r.spec, doc: r.doc, must: 0, mustCovered: 0, mustRunnableHere: 0, mustUntestable: 0, should: 0, shouldCovered: 0 }));
    if (r.level === 'MUST') {
      d.must++;
      if (r.status === 'covered') d.mustCovered++;
      if (r.status === 'untestable') d.mustUntestable++;
      if (r.rules.length > 0 || r.runnableHere === 'yes') d.mustRunnableHere++;
    } else {
      d.should++;
      if (r.status === 'covered') d.shouldCovered++;
    }
  }
  const conditions = [...needed].sort().map((c) => {
    if (!isHostCondition(c)) return { condition: c, kind: 'runtime' as const };
    const s = inp.conditions[c];
    return s.ok ? { condition: c, kind: 'host' as const, ok: true } : { condition: c, kind: 'host' as const, ok: false, reason: s.reason };
  });
  return { requirements, documents: [...docs.values()], conditions };
}

/** A share as a percentage with no decimals; '-' when there is nothing to share. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${Math.floor((100 * part) / whole)}%`;
}
