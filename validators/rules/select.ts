import type { Rule } from './rule.js';
import { RULES } from '../generated/rules.js';

const byKind = new Map<string, Rule[]>();

/** The rules that apply to a document kind, in a stable order. */
export function rulesFor(kind: string): readonly Rule[] {
  let list = byKind.get(kind);
  if (!list) {
    list = RULES.filter((r) => r.appliesTo.includes(kind) || r.appliesTo.includes('*'));
    byKind.set(kind, list);
  }
  return list;
}

export { RULES };
