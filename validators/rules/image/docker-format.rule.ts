/**
 * Docker's image manifest (schema 1 and 2) and manifest list look much like
 * OCI documents, and tools mix them up. They are recognised and reported as
 * what they are: not OCI documents.
 */
import { defineRule } from '../rule.js';
import { prop } from '../../json/values.js';
import { DOCKER_MANIFEST_LIST, DOCKER_MANIFEST_V1, DOCKER_MANIFEST_V1_SIGNED, DOCKER_MANIFEST_V2, MT_INDEX, MT_MANIFEST } from '../../image/media-types.js';

const NAMES: Readonly<Record<string, string>> = {
  [DOCKER_MANIFEST_V2]: 'a Docker image manifest (schema 2)',
  [DOCKER_MANIFEST_V1]: 'a Docker image manifest (schema 1)',
  [DOCKER_MANIFEST_V1_SIGNED]: 'a signed Docker image manifest (schema 1)',
  [DOCKER_MANIFEST_LIST]: 'a Docker manifest list',
};

export default defineRule({
  id: 'image.docker-format',
  requirements: ['IMG-MANIFEST-MEDIATYPE-VALUE', 'IMG-INDEX-MEDIATYPE-VALUE', 'IMG-MANIFEST-SCHEMAVERSION-2'],
  appliesTo: ['manifest', 'index'],
  *check(doc, ctx) {
    const mt = prop(doc, 'mediaType');
    const expected = ctx.kind === 'index' ? MT_INDEX : MT_MANIFEST;
    if (typeof mt === 'string' && NAMES[mt] !== undefined) {
      yield {
        requirement: ctx.kind === 'index' ? 'IMG-INDEX-MEDIATYPE-VALUE' : 'IMG-MANIFEST-MEDIATYPE-VALUE',
        pointer: '/mediaType',
        message: `this is ${NAMES[mt]}, not an OCI document (expected mediaType ${expected}); convert it, e.g. with skopeo copy --format oci`,
        params: { actual: mt, expected },
      };
    } else if (mt === undefined && prop(doc, 'schemaVersion') === 1 && prop(doc, 'fsLayers') !== undefined) {
      yield {
        requirement: 'IMG-MANIFEST-SCHEMAVERSION-2',
        pointer: '',
        message: 'this is a Docker image manifest of schema 1 (it has fsLayers), not an OCI manifest',
        params: { format: 'docker-schema1' },
      };
    }
  },
});
