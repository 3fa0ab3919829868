/** A manifest's own mediaType. */
import { defineRule } from '../rule.js';
import { MANIFEST_OWN, ownMediaType } from './own-media-type.js';

export default defineRule({
  id: 'manifest.media-type',
  requirements: ['IMG-MANIFEST-MEDIATYPE-SHOULD', 'IMG-MANIFEST-MEDIATYPE-VALUE', 'IMG-MANIFEST-PROPERTY-FORM'],
  appliesTo: ['manifest'],
  check: (doc, ctx) => ownMediaType(doc, ctx.version, MANIFEST_OWN),
});
