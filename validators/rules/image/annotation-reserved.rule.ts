/**
 * org.opencontainers.image.* keys are reserved for the image spec: a key there
 * that the spec does not define is an error. Other org.opencontainers.* keys
 * are reserved for OCI specifications; unknown ones get a hint.
 */
import { defineRule } from '../rule.js';
import { isObject } from '../../json/values.js';
import { escapePointerToken } from '../../json/pointer.js';
import { nearest } from '../json/did-you-mean.rule.js';
import { IMAGE_KEYS, IMAGE_PREFIX, OCI_PREFIX, OTHER_OCI_KEYS } from './annotation-keys.js';
import { annotationMapsOf } from './walk.js';

export default defineRule({
  id: 'annotations.reserved',
  requirements: ['IMG-ANNOT-IMAGE-NS-RESERVED', 'IMG-ANNOT-OCI-PREFIX-RESERVED'],
  appliesTo: ['manifest', 'index', 'descriptor', 'image-config'],
  *check(doc, ctx) {
    for (const a of annotationMapsOf(doc, ctx.kind)) {
      if (!isObject(a.value)) continue;
      for (const key of Object.keys(a.value)) {
        const pointer = `${a.pointer}/${escapePointerToken(key)}`;
        if (key.startsWith(IMAGE_PREFIX)) {
          if (Object.hasOwn(IMAGE_KEYS, key)) continue;
          const guess = nearest(key, Object.keys(IMAGE_KEYS));
          yield {
            requirement: 'IMG-ANNOT-IMAGE-NS-RESERVED',
            pointer,
            at: 'key',
            message: `${key} is in the org.opencontainers.image namespace, reserved for keys the image spec defines, and is not one of them${guess ? ` (did you mean ${guess}?)` : ''}`,
            params: { key, ...(guess ? { suggestion: guess } : {}) },
          };
        } else if (key.startsWith(OCI_PREFIX) && !OTHER_OCI_KEYS.has(key)) {
          yield {
            requirement: 'IMG-ANNOT-OCI-PREFIX-RESERVED',
            level: 'INFO',
            pointer,
            at: 'key',
            message: `${key} uses the org.opencontainers prefix, reserved for keys OCI specifications define; it is not one we know`,
            params: { key },
          };
        }
      }
    }
  },
});
