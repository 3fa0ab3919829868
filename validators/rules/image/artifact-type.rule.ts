/**
 * Artifact manifests (1.1.0): with the empty config the manifest names its
 * artifactType; a manifest that names an artifactType packages an artifact, so
 * its config is not the image config type.
 */
import { defineRule } from '../rule.js';
import { at, prop } from '../../json/values.js';
import { compareVersions } from '../../../spec/versions.js';
import { MT_CONFIG, MT_EMPTY } from '../../image/media-types.js';

export default defineRule({
  id: 'manifest.artifact-type',
  requirements: ['IMG-MANIFEST-ARTIFACTTYPE-EMPTY-CONFIG', 'IMG-MANIFEST-ARTIFACT-EMPTY-NEEDS-TYPE', 'IMG-MANIFEST-ARTIFACT-CONFIG-MEDIATYPE'],
  appliesTo: ['manifest'],
  *check(doc, ctx) {
    if (compareVersions(ctx.version, '1.1.0') < 0) return;
    const cmt = at(doc, 'config', 'mediaType');
    const artifactType = prop(doc, 'artifactType');
    if (cmt === MT_EMPTY && artifactType === undefined)
      yield {
        requirement: 'IMG-MANIFEST-ARTIFACTTYPE-EMPTY-CONFIG',
        pointer: '',
        message: `config is the empty descriptor (${MT_EMPTY}), so the manifest must say what it is with artifactType`,
        params: {},
      };
    // an artifactType equal to the config type labels a plain image, not an artifact
    if (typeof artifactType === 'string' && artifactType !== MT_CONFIG && cmt === MT_CONFIG)
      yield {
        requirement: 'IMG-MANIFEST-ARTIFACT-CONFIG-MEDIATYPE',
        pointer: '/config/mediaType',
        message: `artifactType ${JSON.stringify(artifactType)} marks an artifact, whose config uses its own media type or ${MT_EMPTY}, not ${MT_CONFIG}`,
        params: { artifactType },
      };
  },
});
