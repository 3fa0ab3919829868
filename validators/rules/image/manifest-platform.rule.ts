/** A descriptor of an image manifest is expected to carry a platform (descriptor.md). */
import { defineRule } from '../rule.js';
import { MT_MANIFEST } from '../../image/media-types.js';
import { descriptorsOf } from './walk.js';

export default defineRule({
  id: 'descriptor.manifest-platform',
  requirements: ['IMG-DESC-MANIFEST-PLATFORM'],
  appliesTo: ['index', 'descriptor'],
  *check(doc, ctx) {
    for (const d of descriptorsOf(doc, ctx.kind)) {
      if (d.role === 'subject' || d.value.mediaType !== MT_MANIFEST || d.value.platform !== undefined) continue;
      yield {
        pointer: d.pointer,
        message: 'descriptor of an image manifest has no platform (os and architecture the image runs on)',
        params: {},
      };
    }
  },
});
