/**
 * When a hook of one kind runs, one case per kind: the hook's log line falls
 * between two marks of the lifecycle (`after`, `before`: created, started,
 * program, ...; undefined for "from the start"), as ranBetween reads them.
 */
import { type CaseDefinition, defineCase, type HookKind, type RequirementId } from '../../case.js';
import { ranBetween } from './checks.js';
import type { HookOptions } from './rig.js';
import { runScenario } from './scenario.js';

export interface WhenRow {
  readonly slug: string;
  readonly title: string;
  readonly kind: HookKind;
  /** The config entry saying when the kind runs, and the runtime's entry saying it is invoked. */
  readonly when: RequirementId;
  readonly invoked: RequirementId;
  readonly hook?: HookOptions;
  readonly after: string | undefined;
  readonly before: string;
  /** The window in words, for the message. */
  readonly what: string;
}

/** hooks.when.<slug>: the `kind` hook ran between `after` and `before`. */
export function hookWhenCase(row: WhenRow): CaseDefinition {
  const { slug, title, kind, when, invoked, hook, after, before, what } = row;
  return defineCase({
    id: `hooks.when.${slug}`,
    title,
    requirements: [when, invoked],
    run: async (ctx) => {
      const r = await runScenario(ctx, (c, rig) => c.withHook(kind, rig.hook(kind, hook)), { until: 'start' });
      ranBetween(ctx, when, r.log, kind, after, before, what);
    },
  });
}
