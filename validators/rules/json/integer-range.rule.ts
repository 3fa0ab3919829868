/**
 * Integers beyond 2^53 lose digits in a double, so ajv's minimum/maximum can't
 * tell 2^64 from 2^64-1. This checks such numbers from their source digits
 * against the exact type the schema gives the field (int64, uint64, …).
 */
import { defineRule } from '../rule.js';
import { INT_RANGES } from '../../schemas/dsl.js';
import type { IntKind } from '../../schemas/dsl.js';
import { lookup } from '../../schemas/trie.js';

/** The exact integer a JSON number literal denotes, or undefined if it has a fraction. */
export function exactInteger(raw: string): bigint | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(raw);
  if (!m) return undefined;
  const [, sign, whole, frac = '', exp = '0'] = m;
  let digits = whole! + frac;
  let scale = Number(exp) - frac.length;
  if (scale < 0) {
    const cut = digits.slice(digits.length + scale);
    if (/[^0]/.test(cut)) return undefined;
    digits = digits.slice(0, digits.length + scale) || '0';
    scale = 0;
  }
  if (scale > 400) return undefined; // far outside every integer type; also not a sane literal
  const v = BigInt(digits) * 10n ** BigInt(scale);
  return sign === '-' ? -v : v;
}

export default defineRule({
  id: 'json.integer-range',
  requirements: [],
  appliesTo: ['*'],
  *check(_doc, ctx) {
    if (ctx.parsed.bigNumbers.length === 0) return;
    const trie = ctx.meta.trie;
    const root = ctx.meta.requirements['#'];
    for (const { pointer, raw } of ctx.parsed.bigNumbers) {
      const kind = lookup(trie, pointer)?.int as IntKind | undefined;
      if (!kind) continue;
      const [min, max] = INT_RANGES[kind];
      const v = exactInteger(raw);
      if (v === undefined) continue; // a fraction: the schema's integer check reports it
      if (v < min || v > max)
        yield {
          // the node's type is the definition of its document's properties: the schema root's requirement
          ...(root ? { requirement: root } : { requirement: null, level: 'MUST' as const }),
          pointer,
          message: `${raw} does not fit in ${kind} (${min} to ${max})`,
          params: { value: raw, type: kind, min: String(min), max: String(max) },
        };
    }
  },
});
