/**
 * org.opencontainers.image.ref.name means something only on the descriptors
 * of a layout's index.json: on a manifest, a config, a layer or an index's own
 * annotations it is ignored by tools and likely a mistake.
 */
import { defineRule } from '../rule.js';
import { isObject } from '../../json/values.js';
import { escapePointerToken } from '../../json/pointer.js';
import { annotationMapsOf } from './walk.js';

const KEY = 'org.opencontainers.image.ref.name';

export default defineRule({
  id: 'annotations.ref-name-place',
  requirements: ['IMG-ANNOT-REF-NAME-INDEX-ONLY'],
  appliesTo: ['manifest', 'index', 'image-config'],
  *check(doc, ctx) {
    for (const a of annotationMapsOf(doc, ctx.kind)) {
      if (a.place === 'index-entry' || !isObject(a.value) || !Object.hasOwn(a.value, KEY)) continue;
      yield {
        pointer: `${a.pointer}/${escapePointerToken(KEY)}`,
        at: 'key',
        message: `${KEY} is meaningful only on the manifests entries of a layout's index.json, not here`,
        params: {},
      };
    }
  },
});
