/** Whether a manifest describes an artifact rather than a container image (1.1.0 artifact guidelines). */
import type { JsonValue } from '../../json/parse.js';
import { at, prop } from '../../json/values.js';
import { compareVersions } from '../../../spec/versions.js';
import { MT_CONFIG, isDockerMediaType } from '../../image/media-types.js';

/**
 * From 1.1.0, a manifest whose config is not an image config (or that sets
 * artifactType) packages an artifact. Before 1.1.0 there were no artifacts.
 */
export function isArtifactManifest(doc: JsonValue, version: string): boolean {
  if (compareVersions(version, '1.1.0') < 0) return false;
  if (typeof prop(doc, 'artifactType') === 'string') return true;
  const cmt = at(doc, 'config', 'mediaType');
  return typeof cmt === 'string' && cmt !== MT_CONFIG && !isDockerMediaType(cmt);
}

/** A Docker manifest or list (by media type, or schema 1 by its fsLayers) is reported once, by image.docker-format. */
export function isDockerDocument(doc: JsonValue): boolean {
  const mt = prop(doc, 'mediaType');
  if (typeof mt === 'string') return isDockerMediaType(mt);
  return prop(doc, 'schemaVersion') === 1 && prop(doc, 'fsLayers') !== undefined;
}
