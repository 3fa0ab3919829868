/** A name listed twice in a features list says nothing more; probably a generator bug. A hint only. */
import { defineRule } from '../rule.js';
import type { RuleFinding } from '../rule.js';
import type { JsonValue } from '../../json/parse.js';
import { escapePointerToken } from '../../json/parse.js';

export default defineRule({
  id: 'features.duplicate-entry',
  requirements: [],
  appliesTo: ['features'],
  *check(doc) {
    const out: RuleFinding[] = [];
    const walk = (v: JsonValue, pointer: string): void => {
      if (Array.isArray(v)) {
        const seen = new Map<string, number>();
        v.forEach((item, i) => {
          if (typeof item !== 'string') return;
          const first = seen.get(item);
          if (first === undefined) seen.set(item, i);
          else
            out.push({
              requirement: null, // repeating a name breaks nothing the spec says; a hint
              level: 'INFO',
              pointer: `${pointer}/${i}`,
              message: `${JSON.stringify(item)} is listed again (first at index ${first})`,
              params: { value: item, first },
            });
        });
        return;
      }
      if (typeof v === 'object' && v !== null && pointer !== '/annotations')
        for (const [k, c] of Object.entries(v)) walk(c, `${pointer}/${escapePointerToken(k)}`);
    };
    walk(doc, '');
    yield* out;
  },
});
