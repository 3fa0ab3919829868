/**
 * The checks the image layout walker makes (they are not JSON-document rules:
 * they need blobs and layer contents). Listed here so that requirement
 * coverage and the catalogue lint see them.
 */
import type { Level } from '../../spec/types.js';

export interface LayoutCheck {
  /** Rule id the walker puts on its diagnostics, e.g. 'layout.blob.digest-mismatch'. */
  readonly id: string;
  readonly requirements: readonly string[];
}

export const LAYOUT_CHECKS: readonly LayoutCheck[] = [
  // the layout's own files
  { id: 'layout.oci-layout.missing', requirements: ['IMG-LAYOUT-OCI-LAYOUT-EXISTS'] },
  { id: 'layout.oci-layout.not-object', requirements: ['IMG-LAYOUT-OCI-LAYOUT-OBJECT'] },
  { id: 'layout.oci-layout.no-version', requirements: ['IMG-LAYOUT-OCI-LAYOUT-VERSION'] },
  { id: 'layout.index.missing', requirements: ['IMG-LAYOUT-INDEX-EXISTS', 'IMG-LAYOUT-INDEX-REQUIRED'] },
  { id: 'layout.index.not-object', requirements: ['IMG-LAYOUT-INDEX-IS-INDEX'] },
  { id: 'layout.index.unknown-media-type', requirements: ['IMG-LAYOUT-UNKNOWN-MEDIATYPE'] },
  { id: 'layout.ref-name.outside-index-json', requirements: ['IMG-LAYOUT-REF-NAME-INDEX-ONLY'] },
  { id: 'layout.blobs.missing', requirements: ['IMG-LAYOUT-BLOBS-DIR-EXISTS'] },
  { id: 'layout.symlink', requirements: [] },
  { id: 'layout.archive.unsafe-path', requirements: [] },
  { id: 'layout.archive.duplicate-entry', requirements: [] },
  { id: 'layout.json.too-large', requirements: [] },
  { id: 'layout.json.encoding', requirements: [] },
  { id: 'layout.json.unreadable', requirements: [] },
  // blobs
  { id: 'layout.blob.digest-mismatch', requirements: ['IMG-LAYOUT-BLOB-DIGEST-MATCH', 'IMG-DESC-DIGEST-VERIFY'] },
  { id: 'layout.blob.size-mismatch', requirements: ['IMG-DESC-SIZE-REQUIRED', 'IMG-DESC-SIZE-MISMATCH'] },
  { id: 'layout.blob.missing', requirements: ['IMG-LAYOUT-MISSING-BLOB-EXTERNAL'] },
  { id: 'layout.blob.not-file', requirements: [] },
  { id: 'layout.blob.unreadable', requirements: [] },
  { id: 'layout.blob.unreferenced', requirements: [] },
  { id: 'layout.blob.unexpected', requirements: [] },
  { id: 'layout.blob.bad-name', requirements: ['IMG-LAYOUT-BLOB-NAME-CHARSET', 'IMG-LAYOUT-BLOB-DIGEST-MATCH'] },
  { id: 'layout.blob.digest-unverifiable', requirements: [] },
  { id: 'layout.walk.cycle', requirements: [] },
  { id: 'layout.walk.too-deep', requirements: [] },
  // configs against their layers
  { id: 'layout.config.diff-ids-count', requirements: ['IMG-CONFIG-ROOTFS-DIFFIDS-REQUIRED'] },
  { id: 'layout.config.diff-id-mismatch', requirements: ['IMG-CONFIG-ROOTFS-DIFFIDS-REQUIRED'] },
  // layers
  { id: 'layout.layer.compression-mismatch', requirements: ['IMG-LAYER-TAR-FORMAT'] },
  { id: 'layout.layer.non-distributable', requirements: ['IMG-LAYER-NONDIST-NO-NEW'] },
  { id: 'layout.layer.decompression-limit', requirements: [] },
  { id: 'layout.layer.decompress-failed', requirements: [] },
  { id: 'layout.layer.not-tar', requirements: ['IMG-LAYER-TAR-FORMAT'] },
  { id: 'layout.layer.duplicate-entry', requirements: ['IMG-LAYER-NO-DUPLICATE-ENTRIES'] },
  { id: 'layout.layer.sparse', requirements: ['IMG-LAYER-NO-SPARSE'] },
  { id: 'layout.layer.absolute-path', requirements: [] },
  { id: 'layout.layer.dotdot-path', requirements: [] },
  { id: 'layout.layer.whiteout-same-layer', requirements: ['IMG-LAYER-WHITEOUT-LOWER-ONLY'] },
  { id: 'layout.layer.whiteout-order', requirements: ['IMG-LAYER-WHITEOUT-BEFORE-SIBLINGS'] },
  { id: 'layout.layer.opaque-whiteout', requirements: ['IMG-LAYER-WHITEOUT-EXPLICIT'] },
  { id: 'layout.layer.whiteout-not-file', requirements: [] },
  { id: 'layout.layer.whiteout-not-empty', requirements: [] },
  { id: 'layout.layer.whiteout-special', requirements: [] },
  { id: 'layout.layer.whiteout-bad-name', requirements: [] },
  { id: 'layout.layer.hardlink-escape', requirements: [] },
  { id: 'layout.layer.hardlink-to-directory', requirements: [] },
  { id: 'layout.layer.hardlink-target-missing', requirements: [] },
  { id: 'layout.layer.more-findings', requirements: [] },
];

/** The requirement a layer-content finding cites (the first of its check). */
export const LAYER_RULE_REQUIREMENTS: Readonly<Record<string, string>> = Object.fromEntries(
  LAYOUT_CHECKS.filter((c) => c.id.startsWith('layout.layer.') && c.requirements.length > 0).map((c) => [c.id, c.requirements[0]!]),
);

/** Levels of layer-content findings that cite no requirement (the rest default to MUST). */
export const LAYER_RULE_LEVELS: Readonly<Record<string, Level>> = {
  'layout.layer.whiteout-not-file': 'SHOULD',
  'layout.layer.whiteout-not-empty': 'SHOULD',
  'layout.layer.whiteout-special': 'INFO',
  'layout.layer.more-findings': 'INFO',
};
