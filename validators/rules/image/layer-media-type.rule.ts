/**
 * Layers of a container image use the portable layer types: tar and tar+gzip,
 * distributable or not. tar+zstd is listed only as one implementations SHOULD
 * support, so it is flagged too; artifacts may use any layer type.
 */
import { defineRule } from '../rule.js';
import { asArray, isObject, prop } from '../../json/values.js';
import { MT_LAYER_GZIP, MT_LAYER_TAR, MT_LAYER_ZSTD, MT_ND_LAYER_GZIP, MT_ND_LAYER_TAR, MT_ND_LAYER_ZSTD, isDockerMediaType } from '../../image/media-types.js';
import { isArtifactManifest, isForeignDocument } from './artifact.js';

const PORTABLE: ReadonlySet<string> = new Set([MT_LAYER_TAR, MT_LAYER_GZIP, MT_ND_LAYER_TAR, MT_ND_LAYER_GZIP]);

function why(mt: string): string {
  if (mt === MT_LAYER_ZSTD || mt === MT_ND_LAYER_ZSTD) return 'zstd layers are not among the types every implementation must support';
  if (isDockerMediaType(mt)) return 'it is a Docker media type';
  return 'it is not an OCI layer media type';
}

export default defineRule({
  id: 'manifest.layer-media-type',
  requirements: ['IMG-MANIFEST-LAYER-PORTABLE'],
  appliesTo: ['manifest'],
  *check(doc, ctx) {
    if (isForeignDocument(doc) || isArtifactManifest(doc, ctx.version)) return;
    const layers = asArray(prop(doc, 'layers'));
    for (let i = 0; i < layers.length; i++) {
      const l = layers[i];
      const mt = isObject(l) ? l.mediaType : undefined;
      if (typeof mt !== 'string' || PORTABLE.has(mt)) continue;
      yield {
        pointer: `/layers/${i}/mediaType`,
        message: `layer media type ${JSON.stringify(mt)} is not portable: ${why(mt)} (portable: ${MT_LAYER_TAR}, ${MT_LAYER_GZIP} and their nondistributable forms)`,
        params: { mediaType: mt },
      };
    }
  },
});
