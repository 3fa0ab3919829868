/** Without annotations, the property is left out or an empty map; null is neither (image configs excepted). */
import { defineRule } from '../rule.js';
import { annotationMapsOf } from './walk.js';

export default defineRule({
  id: 'annotations.null',
  requirements: ['IMG-ANNOT-EMPTY-ABSENT'],
  appliesTo: ['manifest', 'index', 'descriptor'],
  *check(doc, ctx) {
    for (const a of annotationMapsOf(doc, ctx.kind))
      if (a.value === null && a.place !== 'labels')
        yield { pointer: a.pointer, message: 'annotations is null; leave it out or make it an empty map', params: {} };
  },
});
