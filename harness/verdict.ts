/**
 * Verdicts: observations -> outcome. The level of each violated requirement
 * at the run's spec version (spec/catalogue.ts levelAt) against the run's
 * threshold (--level) decides between fail and warn. Cases never decide.
 */
import { levelAt, requirement } from '../spec/catalogue.js';
import { LEVEL_RANK, type Level, type Requirement } from '../spec/types.js';
import { inVersionRange, reached } from '../spec/versions.js';
import { RUNTIME_DEV_WINDOWS } from '../spec/dev-windows.js';
import type { Outcome, Violation } from './model.js';

export type Threshold = Exclude<Level, 'INFO'>;

/**
 * The level a requirement has at `version` for a runtime's verdict; an id
 * missing from the catalogue counts as MUST (the lint flags it).
 *
 * At a dev point (`1.0.2-dev`) a requirement that landed during the window,
 * not in its base release, counts at most as SHOULD: the version string can't
 * say at which commit of the window the runtime took the spec (runc 1.1.5 took
 * it in 2021, before `domainname` or cpu `idle` landed), so not meeting it is
 * a warning, never a MUST failure (INTERPRETING.md, "Which spec version").
 * oci-validate keeps the own level: a document that writes a field knew it.
 */
export function levelOf(id: string, version: string, lookup: (id: string) => Requirement | undefined = requirement): Exclude<Level, 'INFO'> {
  const r = lookup(id);
  // the types (RequirementId) and the case lint (also of --case-file modules) keep unknown ids out: one here is a bug of ours
  if (!r) throw new Error(`requirement ${id} is not in the catalogue (spec/): nothing can say its level`);
  const level = levelAt(r, version);
  const window = RUNTIME_DEV_WINDOWS.find((w) => w.dev === version);
  if (window && level === 'MUST' && r.spec === 'runtime-spec' && !reached(window.base, r.since, r.dev)) return 'SHOULD';
  return level;
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
