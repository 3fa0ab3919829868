/**
 * A hook of one kind that exits 1, one case per kind whose failure must fail
 * a known operation (create for createRuntime and createContainer, start for
 * startContainer): that operation fails, the container is stopped or
 * destroyed, and the user program never runs.
 */
import { type CaseDefinition, defineCase, type HookKind, type RequirementId } from '../../case.js';
import { expectFailedAt, expectStoppedOrGone } from './checks.js';
import type { HookOptions } from './rig.js';
import { runScenario, type Step } from './scenario.js';

export interface FailureRow {
  readonly kind: HookKind;
  readonly slug: string;
  readonly requirement: RequirementId;
  /** The operation that must fail. */
  readonly step: Step;
  /** How the failing hook is written (`inContainer` for a hook that runs in the container). */
  readonly hook: HookOptions;
}

/** hooks.failure.<slug>: a `kind` hook exiting 1 makes `step` fail, and leaves no running container. */
export function hookFailureCase(row: FailureRow): CaseDefinition {
  const { kind, slug, requirement, step, hook } = row;
  return defineCase({
    id: `hooks.failure.${slug}`,
    title: `a failing ${kind} hook makes ${step} fail and the program never runs`,
    requirements: [requirement],
    run: async (ctx) => {
      const r = await runScenario(ctx, (c, rig) => c.withHook(kind, rig.hook(kind, hook)), { until: 'start' });
      expectFailedAt(ctx, requirement, r, step, kind);
      await expectStoppedOrGone(ctx, requirement, r.container.id, await r.rig.read());
    },
  });
}
