import type { DocumentKind } from './kind.js';
import type { JsonValue } from '../json/parse.js';
import { isObject } from '../json/values.js';
import { LATEST_IMAGE_SPEC, resolveImageVersion } from '../../spec/versions.js';
import { DOCKER_MANIFEST_LIST, DOCKER_MANIFEST_V1, DOCKER_MANIFEST_V1_SIGNED, DOCKER_MANIFEST_V2, MT_ARTIFACT_MANIFEST_RC, MT_CONFIG, MT_INDEX, MT_MANIFEST } from '../image/media-types.js';

/*
 * Image documents don't declare a spec version (schemaVersion is 2 in every
 * release), so the latest release applies unless --spec-version says otherwise.
 * Scores: a mediaType naming the kind is near certain; otherwise the set of
 * REQUIRED members decides. None of these documents has the members the
 * runtime kinds look for (ociVersion, process, root, status, ociVersionMin…).
 */

const common = {
  spec: 'image-spec',
  declaredVersion: () => undefined,
  resolveVersion: (declared: string) => resolveImageVersion(declared),
  latest: LATEST_IMAGE_SPEC,
  oldest: '1.0.0',
} as const;

function has(d: { [k: string]: JsonValue }, ...keys: string[]): boolean {
  return keys.every((k) => Object.prototype.hasOwnProperty.call(d, k));
}

/** A descriptor's own members: a manifest or index never has digest and size at its top. */
function looksLikeDescriptor(d: { [k: string]: JsonValue }): boolean {
  return typeof d.mediaType === 'string' && typeof d.digest === 'string' && has(d, 'size');
}

/** Shaped like a manifest: a config and a layers array, no manifests. */
function manifestShaped(d: { [k: string]: JsonValue }): boolean {
  return has(d, 'config') && Array.isArray(d.layers) && !has(d, 'manifests');
}

/** Shaped like an index: a manifests array and no config. */
function indexShaped(d: { [k: string]: JsonValue }): boolean {
  return Array.isArray(d.manifests) && !has(d, 'config');
}

// When the mediaType names one kind and the members plainly make the other,
// the members win and a rule reports the mediaType.
export const MANIFEST: DocumentKind = {
  ...common,
  name: 'manifest',
  title: 'image manifest',
  detect: (d) => {
    if (!isObject(d) || looksLikeDescriptor(d)) return 0;
    const mt = d.mediaType;
    if (mt === MT_MANIFEST) return indexShaped(d) ? 0.5 : 1;
    // Docker's formats are recognised, so that a rule can say clearly they are not OCI
    if (mt === DOCKER_MANIFEST_V2 || mt === DOCKER_MANIFEST_V1 || mt === DOCKER_MANIFEST_V1_SIGNED) return 0.95;
    if (d.schemaVersion === 1 && has(d, 'fsLayers')) return 0.9;
    if (mt === MT_ARTIFACT_MANIFEST_RC) return 0.9;
    if (manifestShaped(d)) return 0.9;
    if (typeof mt === 'string') return 0;
    return (has(d, 'config') ? 0.35 : 0) + (has(d, 'layers') ? 0.25 : 0) + (d.schemaVersion === 2 ? 0.2 : 0);
  },
};

export const INDEX: DocumentKind = {
  ...common,
  name: 'index',
  title: 'image index',
  detect: (d) => {
    if (!isObject(d) || looksLikeDescriptor(d)) return 0;
    const mt = d.mediaType;
    if (mt === MT_INDEX) return manifestShaped(d) ? 0.5 : 1;
    if (mt === DOCKER_MANIFEST_LIST) return 0.95;
    if (indexShaped(d)) return 0.9;
    if (typeof mt === 'string') return 0;
    return (has(d, 'manifests') ? 0.4 : 0) + (d.schemaVersion === 2 ? 0.3 : 0);
  },
};

export const IMAGE_CONFIG: DocumentKind = {
  ...common,
  name: 'image-config',
  title: 'image configuration',
  detect: (d) => {
    if (!isObject(d)) return 0;
    // a runtime config's members never appear in an image config; nor does a mediaType other than its own
    if (has(d, 'ociVersion') || has(d, 'process') || (has(d, 'mediaType') && d.mediaType !== MT_CONFIG)) return 0;
    return (has(d, 'architecture') ? 0.3 : 0) + (has(d, 'os') ? 0.3 : 0) + (has(d, 'rootfs') ? 0.35 : 0);
  },
};

export const DESCRIPTOR: DocumentKind = {
  ...common,
  name: 'descriptor',
  title: 'content descriptor',
  detect: (d) => {
    if (!isObject(d)) return 0;
    if (looksLikeDescriptor(d)) return 0.95;
    return typeof d.digest === 'string' && has(d, 'size') ? 0.5 : 0;
  },
};

export const OCI_LAYOUT: DocumentKind = {
  ...common,
  name: 'oci-layout',
  title: 'oci-layout file',
  detect: (d) => (isObject(d) && has(d, 'imageLayoutVersion') ? 0.95 : 0),
};

/** Image-spec document kinds: manifest, index, image-config, descriptor, oci-layout. */
export const IMAGE_KINDS: readonly DocumentKind[] = [MANIFEST, INDEX, IMAGE_CONFIG, DESCRIPTOR, OCI_LAYOUT];
