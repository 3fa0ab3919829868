/**
 * Verdicts: observations -> outcome. The level of each violated requirement
 * at the run's spec version (spec/catalogue.ts levelAt) against the run's
 * threshold (--level) decides between fail and warn. Cases never decide.
 */
import { levelAt, requirement } from '../spec/catalogue.js';
import { LEVEL_RANK, type Level, type Requirement } from '../spec/types.js';
import { inVersionRange } from '../spec/versions.js';
import type { Outcome, Violation } from '../suites/case.js';

export type Threshold = Exclude<Level, 'INFO'>;

/** The level a requirement has at `version`; an id missing from the catalogue counts as MUST (the lint flags it). */
export function levelOf(id: string, version: string, lookup: (id: string) => Requirement | undefined = requirement): Exclude<Level, 'INFO'> {
  const r = lookup(id);
  return r ? levelAt(r, version) : 'MUST';
}

export function outcomeOf(violations: readonly Violation[], threshold: Threshold): Outcome {
  if (violations.length === 0) return { status: 'pass' };
  const failing = violations.some((v) => LEVEL_RANK[v.level] >= LEVEL_RANK[threshold]);
  return failing ? { status: 'fail', violations } : { status: 'warn', violations };
}

/**
 * Why a case does not apply to `version`, if it doesn't: a cited requirement
 * that appeared later, or was dropped earlier. Undefined when it applies.
 */
export function versionGate(requirements: readonly string[], version: string, lookup: (id: string) => Requirement | undefined = requirement): string | undefined {
  for (const id of requirements) {
    const r = lookup(id);
    if (!r) continue;
    // the same model as oci-validate: at 1.0.2-dev what landed under it is in force (spec/versions.ts)
    if (!inVersionRange(version, r.since, r.until, r.dev)) {
      return r.until && inVersionRange(version, r.since, undefined, r.dev)
        ? `${id} was dropped after runtime-spec ${r.until}; this run targets ${version}`
        : `${id} appeared in runtime-spec ${r.since}; this run targets ${version} (use --spec-version to choose another)`;
    }
  }
  return undefined;
}
