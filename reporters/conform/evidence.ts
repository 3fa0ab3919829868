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

/** A value in a line for people: JSON, cut at `max` characters (the whole is in the JSON report). */
export function brief(v: unknown, max = 80): string {
  const s = v === undefined ? 'nothing' : typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** One violation on one line: requirement, level, message, and expected against actual when the check compared. */
export function violationLine(v: Violation): string {
  const diff = v.expected !== undefined || v.actual !== undefined ? ` (expected ${brief(v.expected)}, actual ${brief(v.actual)})` : '';
  return `${v.requirement} (${v.level}): ${v.message}${diff}`;
}

/**
 * Whether a result is what the baseline expects of it, as far as a reporter can tell while the run goes on: the
 * same status, and no violation of a requirement the entry does not name (the gate's verdict at the end is finer:
 * harness/expectations.ts newViolations).
 */
export function isExpected(r: CaseResult, e: { readonly status: string; readonly requirements: readonly string[] } | undefined): boolean {
  if (!e || e.status !== r.outcome.status) return false;
  return e.requirements.length === 0 || violationsOf(r).every((v) => e.requirements.includes(v.requirement));
}

/** Spec area of a case id: its first segment ('linux' for 'linux.cgroups.pids.limit'), two for linux. */
export function areaOf(id: string): string {
  const parts = id.split('.');
  return parts[0] === 'linux' && parts.length > 2 ? `${parts[0]}.${parts[1]}` : (parts[0] ?? id);
}
