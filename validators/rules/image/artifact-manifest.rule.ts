/**
 * The artifact manifest (application/vnd.oci.artifact.manifest.v1+json, with
 * `blobs`) was in the 1.1.0 release candidates only; 1.1.0 dropped it for
 * image manifests with artifactType. Some registries and tools still write it.
 */
import { defineRule } from '../rule.js';
import { prop } from '../../json/values.js';
import { MT_ARTIFACT_MANIFEST_RC, MT_MANIFEST } from '../../image/media-types.js';

export default defineRule({
  id: 'manifest.artifact-manifest',
  requirements: ['IMG-MANIFEST-MEDIATYPE-VALUE'],
  appliesTo: ['manifest'],
  *check(doc) {
    if (prop(doc, 'mediaType') !== MT_ARTIFACT_MANIFEST_RC) return;
    yield {
      pointer: '/mediaType',
      message: `the artifact manifest (${MT_ARTIFACT_MANIFEST_RC}) existed only in 1.1.0 release candidates and no release defines it; package the artifact as an image manifest (${MT_MANIFEST}) with artifactType`,
      params: { actual: MT_ARTIFACT_MANIFEST_RC, expected: MT_MANIFEST },
    };
  },
});
