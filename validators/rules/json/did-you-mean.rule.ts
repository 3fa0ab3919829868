/**
 * Unknown properties are never an error (the spec tells consumers to ignore
 * them), which is exactly why a misspelt key goes unnoticed. A near miss of a
 * key the spec defines at that place gets an info-level hint; in a runtime
 * config, a near miss of a key whose absence weakens the container
 * (isolation-keys.ts) is a warning, citing the MUST that makes runtimes
 * ignore the misspelt key.
 */
import { defineRule } from '../rule.js';
import type { InheritedFinding } from '../rule.js';
import { walkProperties } from '../../schemas/trie.js';
import { escapePointerToken } from '../../json/pointer.js';
import { ISOLATION_KEYS } from './isolation-keys.js';

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const prev2: number[] = Array.from({ length: b.length + 1 }, () => 0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > cap) return cap + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j]!;
    prev = cur;
  }
  return prev[b.length]!;
}

export function nearest(key: string, known: Iterable<string>): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    if (k.toLowerCase() === lower) return k;
    const limit = Math.min(2, Math.floor(Math.min(k.length, key.length) / 4));
    if (limit === 0) continue;
    const d = editDistance(lower, k.toLowerCase(), limit);
    if (d <= limit && d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

export default defineRule({
  id: 'json.did-you-mean',
  requirements: ['CFG-EXTENSIBILITY-IGNORE'],
  appliesTo: ['*'],
  *check(doc, ctx) {
    const out: InheritedFinding[] = [];
    walkProperties(doc, ctx.latestMeta.trie, ({ key, pointer, node, parent, holder }) => {
      if (node) return true;
      const guess = parent.known ? nearest(key, parent.known) : undefined;
      if (guess === undefined || Object.prototype.hasOwnProperty.call(holder, guess)) return false;
      const meant = `${pointer.slice(0, pointer.lastIndexOf('/'))}/${escapePointerToken(guess)}`;
      if (ctx.kind === 'config' && ISOLATION_KEYS.has(meant))
        out.push({
          level: 'SHOULD',
          pointer,
          at: 'key',
          message: `unknown property '${key}' is ignored, as runtimes must ignore unknown properties, so the container runs without '${guess}' and gets what the host or runtime gives by default; did you mean '${guess}'?`,
          params: { property: key, suggestion: guess, weakens: meant },
        });
      else
        out.push({
          requirement: null, // a hint: the key is allowed, only probably not meant
          level: 'INFO',
          pointer,
          at: 'key',
          message: `unknown property '${key}' is ignored; did you mean '${guess}'?`,
          params: { property: key, suggestion: guess },
        });
      return false;
    });
    yield* out;
  },
});
