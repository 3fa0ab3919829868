/**
 * The rules for a document kind. With `scripts` (the code-cached scripts of the
 * CLI's build: scripts/build.ts), from rule-cache/<kind>, which holds only that
 * kind's rules: a config does not load (or compile) the image rules. Else from
 * the rule index (select.ts). Same rules, same order either way.
 */
import type { CodeCache } from '../../core/code-cache.js';
import type { Rule } from './rule.js';
import { kindByName } from '../kinds/index.js';

const byKind = new Map<string, Promise<readonly Rule[]>>();

/** The name of the rule script for a kind: '_any' for a kind we do not know, which only rules for every kind apply to. */
export function ruleScriptName(kind: string): string {
  return `rule-cache/${kindByName(kind) ? kind : '_any'}`;
}

export function loadRulesFor(kind: string, scripts?: CodeCache): Promise<readonly Rule[]> {
  let p = byKind.get(kind);
  if (!p) {
    const cached = scripts?.run(ruleScriptName(kind)) as { readonly RULES: readonly Rule[] } | undefined;
    p = cached ? Promise.resolve(cached.RULES) : import('./select.js').then((m) => m.rulesFor(kind));
    byKind.set(kind, p);
  }
  return p;
}
