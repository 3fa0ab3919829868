/** Annotation keys are namespaced in reverse domain notation (com.example.key). */
import { defineRule } from '../rule.js';
import { isObject } from '../../json/values.js';
import { escapePointerToken } from '../../json/pointer.js';
import { isReverseDomainKey } from './formats.js';
import { annotationMapsOf } from './walk.js';

export default defineRule({
  id: 'annotations.key-form',
  requirements: ['IMG-ANNOT-REVERSE-DOMAIN'],
  appliesTo: ['manifest', 'index', 'descriptor', 'image-config'],
  *check(doc, ctx) {
    for (const a of annotationMapsOf(doc, ctx.kind)) {
      if (!isObject(a.value)) continue;
      for (const key of Object.keys(a.value))
        if (!isReverseDomainKey(key))
          yield {
            pointer: `${a.pointer}/${escapePointerToken(key)}`,
            at: 'key',
            message: `key ${JSON.stringify(key)} is not in reverse domain notation (e.g. com.example.${key.replace(/[^A-Za-z0-9]/g, '') || 'key'})`,
            params: { key },
          };
    }
  },
});
