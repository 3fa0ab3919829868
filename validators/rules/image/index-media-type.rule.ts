/** An index's own mediaType. */
import { defineRule } from '../rule.js';
import { INDEX_OWN, ownMediaType } from './own-media-type.js';

export default defineRule({
  id: 'index.media-type',
  requirements: ['IMG-INDEX-MEDIATYPE-SHOULD', 'IMG-INDEX-MEDIATYPE-VALUE', 'IMG-INDEX-PROPERTY-FORM'],
  appliesTo: ['index'],
  check: (doc, ctx) => ownMediaType(doc, ctx.version, INDEX_OWN),
});
