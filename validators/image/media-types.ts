/**
 * Media types of image-spec media-types.md, with the release that introduced
 * each and what a layer media type says about its compression. Shared by the
 * document rules and the layout walker.
 */
import { compareVersions } from '../../spec/versions.js';

export const MT_DESCRIPTOR = 'application/vnd.oci.descriptor.v1+json';
export const MT_LAYOUT_HEADER = 'application/vnd.oci.layout.header.v1+json';
export const MT_INDEX = 'application/vnd.oci.image.index.v1+json';
export const MT_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const MT_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const MT_LAYER_TAR = 'application/vnd.oci.image.layer.v1.tar';
export const MT_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const MT_LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
export const MT_ND_LAYER_TAR = 'application/vnd.oci.image.layer.nondistributable.v1.tar';
export const MT_ND_LAYER_GZIP = 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip';
export const MT_ND_LAYER_ZSTD = 'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd';
export const MT_EMPTY = 'application/vnd.oci.empty.v1+json';

/**
 * The artifact manifest of the 1.1.0 release candidates, dropped before 1.1.0:
 * recognised so we can say what became of it.
 */
export const MT_ARTIFACT_MANIFEST_RC = 'application/vnd.oci.artifact.manifest.v1+json';

/** Docker's formats: recognised so we can say clearly that they are not OCI. */
export const DOCKER_MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST_V1 = 'application/vnd.docker.distribution.manifest.v1+json';
export const DOCKER_MANIFEST_V1_SIGNED = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
export const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
export const DOCKER_LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
export const DOCKER_FOREIGN_LAYER_GZIP = 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip';

export const DOCKER_MEDIA_TYPES: readonly string[] = [
  DOCKER_MANIFEST_V2,
  DOCKER_MANIFEST_LIST,
  DOCKER_MANIFEST_V1,
  DOCKER_MANIFEST_V1_SIGNED,
  DOCKER_CONFIG,
  DOCKER_LAYER_GZIP,
  DOCKER_FOREIGN_LAYER_GZIP,
];

export type Compression = 'none' | 'gzip' | 'zstd';

export interface LayerMediaType {
  readonly mediaType: string;
  readonly compression: Compression;
  /** Non-distributable ("foreign") layers: deprecated from 1.1.0. */
  readonly nonDistributable: boolean;
  readonly since: string;
}

export const LAYER_MEDIA_TYPES: readonly LayerMediaType[] = [
  { mediaType: MT_LAYER_TAR, compression: 'none', nonDistributable: false, since: '1.0.0' },
  { mediaType: MT_LAYER_GZIP, compression: 'gzip', nonDistributable: false, since: '1.0.0' },
  { mediaType: MT_LAYER_ZSTD, compression: 'zstd', nonDistributable: false, since: '1.1.0' },
  { mediaType: MT_ND_LAYER_TAR, compression: 'none', nonDistributable: true, since: '1.0.0' },
  { mediaType: MT_ND_LAYER_GZIP, compression: 'gzip', nonDistributable: true, since: '1.0.0' },
  { mediaType: MT_ND_LAYER_ZSTD, compression: 'zstd', nonDistributable: true, since: '1.1.0' },
];

/** Every OCI media type with the release that first lists it. */
export const OCI_MEDIA_TYPES: Readonly<Record<string, string>> = {
  [MT_DESCRIPTOR]: '1.0.0',
  [MT_LAYOUT_HEADER]: '1.0.0',
  [MT_INDEX]: '1.0.0',
  [MT_MANIFEST]: '1.0.0',
  [MT_CONFIG]: '1.0.0',
  [MT_EMPTY]: '1.1.0',
  ...Object.fromEntries(LAYER_MEDIA_TYPES.map((l) => [l.mediaType, l.since])),
};

/** The layer media type record, if `mt` is an OCI layer media type known at `version` (any version when omitted). */
export function layerMediaType(mt: string, version?: string): LayerMediaType | undefined {
  const l = LAYER_MEDIA_TYPES.find((x) => x.mediaType === mt);
  if (!l) return undefined;
  return version === undefined || compareVersions(version, l.since) >= 0 ? l : undefined;
}

export function isLayerMediaType(mt: string, version?: string): boolean {
  return layerMediaType(mt, version) !== undefined;
}

/** Compression of an OCI or Docker layer media type; undefined when not a known layer type. */
export function layerCompression(mt: string): Compression | undefined {
  if (mt === DOCKER_LAYER_GZIP || mt === DOCKER_FOREIGN_LAYER_GZIP) return 'gzip';
  return layerMediaType(mt)?.compression;
}

/** True when `mt` is an OCI media type that `version` of the spec defines. */
export function isKnownOciMediaType(mt: string, version?: string): boolean {
  const s = OCI_MEDIA_TYPES[mt];
  return s !== undefined && (version === undefined || compareVersions(version, s) >= 0);
}

export function isDockerMediaType(mt: string): boolean {
  return DOCKER_MEDIA_TYPES.includes(mt);
}

/**
 * RFC 6838 media type: type "/" subtype, each a restricted name (letters, digits
 * and !#$&-^_.+), at most 127 characters each. Section 4.2 names only; the
 * mediaType field of a descriptor names a type, so parameters are not accepted.
 */
const RESTRICTED_NAME = '[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}';
const MEDIA_TYPE = new RegExp(`^${RESTRICTED_NAME}/${RESTRICTED_NAME}$`);

export function isWellFormedMediaType(mt: string): boolean {
  return MEDIA_TYPE.test(mt);
}
