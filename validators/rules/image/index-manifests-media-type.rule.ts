/** Entries of an index point at OCI manifests (and, from 1.1.0, nested OCI indexes). */
import { defineRule } from '../rule.js';
import { compareVersions } from '../../../spec/versions.js';
import { MT_INDEX, MT_MANIFEST, isDockerMediaType } from '../../image/media-types.js';
import { isForeignDocument } from './artifact.js';
import { descriptorsOf } from './walk.js';

export default defineRule({
  id: 'index.manifest-media-type',
  requirements: ['IMG-INDEX-MANIFESTS-PORTABLE'],
  appliesTo: ['index'],
  *check(doc, ctx) {
    if (isForeignDocument(doc)) return;
    const nested = compareVersions(ctx.version, '1.1.0') >= 0;
    for (const d of descriptorsOf(doc, 'index')) {
      const mt = d.value.mediaType;
      if (d.role !== 'manifest-entry' || typeof mt !== 'string' || mt === MT_MANIFEST || (nested && mt === MT_INDEX)) continue;
      const expected = nested ? `${MT_MANIFEST} or ${MT_INDEX}` : MT_MANIFEST;
      yield {
        pointer: `${d.pointer}/mediaType`,
        message: `${isDockerMediaType(mt) ? 'a Docker media type' : `media type ${JSON.stringify(mt)}`} in manifests is not portable; ${expected} is expected`,
        params: { mediaType: mt },
      };
    }
  },
});
