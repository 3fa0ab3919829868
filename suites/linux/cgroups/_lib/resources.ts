/**
 * "Applied, or refused": create the container with a resource set, then read
 * the container's cgroups back from the host in the spec's shape and compare.
 * A runtime may refuse a setting it cannot apply (create fails, no container
 * is left) where the case allows that (`mayRefuse`: a kernel or host
 * limitation); otherwise a refusal is a failure. A host whose cgroups don't
 * show the field skips, saying which.
 */
import { type CaseContext, type Condition, type ContainerHandle, createOrRefusal, type ObservedResources, rawState, readCgroupResources, type RequirementId } from '../../../case.js';

/** Which requirement a wrong value, and a leftover container after a refusal, are charged to. */
export interface ResourceReqs<R extends RequirementId> {
  readonly apply: R;
  readonly noContainer: R;
}

/** The usual pair: create applies every property, and a refused create leaves nothing. */
export const APPLY = { apply: 'RT-CREATE-APPLY-CONFIG', noContainer: 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER' } as const;

/** The pair for one resource area: its own IMPLIED entry (LNX-MEMORY-APPLIED...), and a refused create leaves nothing. */
export function applies<A extends string>(apply: A): { readonly apply: A; readonly noContainer: 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER' } {
  return { apply, noContainer: 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER' };
}

export interface ResourceCheck {
  /** Dotted name for messages: 'memory.limit'. */
  readonly what: string;
  /** The observed value, from the readers' spec-shaped result. */
  readonly pick: (o: ObservedResources) => unknown;
  readonly expected: unknown;
  /** Why a refusal is acceptable here; absent means create must succeed. */
  readonly mayRefuse?: string;
  /** Why the host can't show the value when `pick` gives undefined. */
  readonly hidden?: string;
  /**
   * The host condition under which the host shows the value (`cgroup-v1` for a v1-only file). When `pick`
   * gives undefined and this condition does not hold here, the skip names it: a host reason, which
   * expectation files tell apart from other skips. Where it holds, the skip names no condition. Where it
   * does not hold, a refused create is also accepted (the runtime can't apply the value on this host).
   */
  readonly shownWith?: Condition;
  /** How the host's value was read (a weight converted from a v2 file): noted once, pass or fail. */
  readonly explain?: (o: ObservedResources) => string | undefined;
}

/** Creates the container `on` (default: the primary) and checks each value; returns the observed resources (undefined when refused). */
export async function applied<R extends RequirementId>(ctx: CaseContext<R>, checks: readonly ResourceCheck[], reqs: ResourceReqs<R>, mayRefuse?: string, on: ContainerHandle = ctx): Promise<ObservedResources | undefined> {
  const refused = await createOrRefusal(on);
  if (refused !== undefined) {
    // A value only some hosts have a file for (shownWith) can't be applied where that condition does not hold:
    // refusing it there is what runtime.md asks of a runtime.
    const unsupported = checks.find((c) => c.shownWith !== undefined && !ctx.host.conditions[c.shownWith].ok);
    const allowed = checks.map((c) => c.mayRefuse).find(Boolean) ?? mayRefuse ?? (unsupported ? `${unsupported.what} has no file on a host without ${unsupported.shownWith} (layout ${ctx.host.cgroups.mode})` : undefined);
    if (allowed) {
      ctx.note(`the runtime refused the setting (${allowed}): ${refused}`);
      ctx.expectError(reqs.noContainer, (await rawState(ctx.runtime, on.id)).call, 'state after the refused create');
    } else {
      ctx.expect(reqs.apply, false, { message: `create failed although this host supports ${checks.map((c) => c.what).join(', ')}: ${refused}` });
    }
    return undefined;
  }
  const observed = await readCgroupResources(await on.pid(), ctx.host.cgroups);
  for (const c of checks) {
    const v = c.pick(observed);
    if (v === undefined) {
      const hostLacks = c.shownWith !== undefined && !ctx.host.conditions[c.shownWith].ok ? c.shownWith : undefined;
      ctx.skip(`this host's cgroups do not show ${c.what}${c.hidden ? ` (${c.hidden})` : ''}; nothing to compare with`, hostLacks);
    }
  }
  for (const c of checks) {
    const how = c.explain?.(observed);
    if (how) ctx.note(how);
    ctx.expectMatch(reqs.apply, c.what, c.expected, c.pick(observed));
  }
  return observed;
}
