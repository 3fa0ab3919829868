/**
 * What reporters show about a result, computed once: each violation with its
 * requirement, level and spec reference at the run's version. Formatting only.
 */
import { requirement, specUrl } from '../../spec/catalogue.js';
import type { CaseResult, Violation } from '../../harness/model.js';

export interface ShownViolation extends Violation {
  /** Link to the spec section at the run's version, when the requirement is in the catalogue. */
  readonly reference?: string;
}

export function violationsOf(r: CaseResult): readonly Violation[] {
  return r.outcome.status === 'fail' || r.outcome.status === 'warn' ? r.outcome.violations : [];
}

export function shownViolations(r: CaseResult, version: string): ShownViolation[] {
  return violationsOf(r).map((v) => {
    const req = requirement(v.requirement);
    return req ? { ...v, reference: specUrl(req, version) } : v;
  });
}

/** One line saying why a case did not pass (empty for a pass). */
export function reasonLine(r: CaseResult): string {
  const o = r.outcome;
  switch (o.status) {
    case 'pass':
      return '';
    case 'skip':
      return o.reason;
    case 'error':
      return o.message;
    case 'fail':
    case 'warn':
      return o.violations.map((v) => `[${v.requirement} ${v.level}] ${v.message}`).join('; ');
  }
}

/** Spec area of a case id: its first segment ('linux' for 'linux.cgroups.pids.limit'), two for linux. */
export function areaOf(id: string): string {
  const parts = id.split('.');
  return parts[0] === 'linux' && parts.length > 2 ? `${parts[0]}.${parts[1]}` : (parts[0] ?? id);
}
