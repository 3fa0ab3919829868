/**
 * config.mediaType of a container image manifest is the OCI image config type
 * for portability. From 1.1.0 any other type marks an artifact, which may use
 * a type of its own; a Docker config type is flagged in every version.
 */
import { defineRule } from '../rule.js';
import { at } from '../../json/values.js';
import { compareVersions } from '../../../spec/versions.js';
import { DOCKER_CONFIG, MT_CONFIG } from '../../image/media-types.js';
import { isForeignDocument } from './artifact.js';

export default defineRule({
  id: 'manifest.config-media-type',
  requirements: ['IMG-MANIFEST-CONFIG-PORTABLE'],
  appliesTo: ['manifest'],
  *check(doc, ctx) {
    if (isForeignDocument(doc)) return;
    const mt = at(doc, 'config', 'mediaType');
    if (typeof mt !== 'string' || mt === MT_CONFIG) return;
    if (mt !== DOCKER_CONFIG && compareVersions(ctx.version, '1.1.0') >= 0) return;
    yield {
      pointer: '/config/mediaType',
      message:
        mt === DOCKER_CONFIG
          ? `config uses Docker's config media type; portable OCI images use ${MT_CONFIG}`
          : `config mediaType ${JSON.stringify(mt)} is not ${MT_CONFIG}, the one portable images use (artifacts came only with 1.1.0)`,
      params: { actual: mt, expected: MT_CONFIG },
    };
  },
});
