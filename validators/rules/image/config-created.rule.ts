/** created (of the image and of each history entry) is an RFC 3339 date-time (config.md). */
import { defineRule } from '../rule.js';
import type { InheritedFinding } from '../rule.js';
import { asArray, isObject, prop } from '../../json/values.js';
import { isRfc3339DateTime } from './formats.js';

function check(v: unknown, pointer: string): InheritedFinding[] {
  if (typeof v !== 'string' || isRfc3339DateTime(v)) return [];
  return [{ pointer, message: `${JSON.stringify(v)} is not an RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z)`, params: { value: v } }];
}

export default defineRule({
  id: 'config.created',
  requirements: ['IMG-CONFIG-PROPERTY-FORM'],
  appliesTo: ['image-config'],
  *check(doc) {
    yield* check(prop(doc, 'created'), '/created');
    const history = asArray(prop(doc, 'history'));
    for (let i = 0; i < history.length; i++) {
      const h = history[i];
      if (isObject(h)) yield* check(h.created, `/history/${i}/created`);
    }
  },
});
