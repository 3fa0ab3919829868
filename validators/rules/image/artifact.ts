/** Whether a manifest describes an artifact rather than a container image (1.1.0 artifact guidelines). */
import type { JsonValue } from '../../json/parse.js';
import { at, prop } from '../../json/values.js';
import { compareVersions } from '../../../spec/versions.js';
import { MT_ARTIFACT_MANIFEST_RC, MT_CONFIG, isDockerMediaType } from '../../image/media-types.js';

/**
 * From 1.1.0, a manifest whose config is not an image config (or that sets
 * artifactType) packages an artifact. Before 1.1.0 there were no artifacts.
 */
export function isArtifactManifest(doc: JsonValue, version: string): boolean {
  if (compareVersions(version, '1.1.0') < 0) return false;
  const artifactType = prop(doc, 'artifactType');
  if (typeof artifactType === 'string' && artifactType !== MT_CONFIG) return true;
  const cmt = at(doc, 'config', 'mediaType');
  return typeof cmt === 'string' && cmt !== MT_CONFIG && !isDockerMediaType(cmt);
}

/**
 * A document in a format other than the OCI manifest or index: a Docker
 * manifest or list (by media type, or schema 1 by its fsLayers), or the
 * artifact manifest of the 1.1.0 release candidates. Each is reported once, by
 * its own rule, and the manifest and index rules leave it alone.
 */
export function isForeignDocument(doc: JsonValue): boolean {
  const mt = prop(doc, 'mediaType');
  if (typeof mt === 'string') return isDockerMediaType(mt) || mt === MT_ARTIFACT_MANIFEST_RC;
  return prop(doc, 'schemaVersion') === 1 && prop(doc, 'fsLayers') !== undefined;
}
