/**
 * Which of a case's requirements it may charge at the run's version. The
 * `requirements` of a case gate it (a case citing one not in force is
 * skipped); its `also` entries don't, so before charging one a case asks
 * whether it is in force here, and otherwise charges the entry that is.
 */
import { inVersionRange, requirement, type RequirementId } from '../case.js';

/** True when catalogue entry `id` exists at runtime-spec `version` (an unknown id counts as in force; the lint flags it). */
export function inForce(id: string, version: string): boolean {
  const r = requirement(id);
  return r === undefined || inVersionRange(version, r.since, r.until);
}

/**
 * The first of `ids` in force at the run's version, else the last one
 * (put the entry that is in force at every version the case runs at last):
 * `chargeable(ctx, 'CFG-MOUNT-OPTION-NOEXEC', 'CFG-MOUNT-OPTIONS-APPLIED')`.
 */
export function chargeable<R extends RequirementId>(ctx: { readonly specVersion: string }, ...ids: readonly [R, ...R[]]): R {
  return ids.find((id) => inForce(id, ctx.specVersion)) ?? ids[ids.length - 1]!;
}
