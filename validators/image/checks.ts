/**
 * The checks the image layout walker makes (they are not JSON-document rules:
 * they need blobs and layer contents). Listed here so that requirement
 * coverage and the catalogue lint see them.
 */
import type { Level, RequirementId } from '../../spec/types.js';

interface LayoutCheckSpec {
  /** Rule id the walker puts on its diagnostics, e.g. 'layout.blob.digest-mismatch'. */
  readonly id: string;
  /**
   * What its findings break. With one, a finding that names none breaks it; with several, each
   * finding names one (findings.ts WalkFinding).
   */
  readonly requirements: readonly RequirementId[];
  /** A check citing nothing states the level of its findings (a finding may state another). */
  readonly level?: Level;
}

export const LAYOUT_CHECKS = [
  // the layout's own files
  { id: 'layout.oci-layout.missing', requirements: ['IMG-LAYOUT-OCI-LAYOUT-EXISTS'] },
  { id: 'layout.oci-layout.not-object', requirements: ['IMG-LAYOUT-OCI-LAYOUT-OBJECT'] },
  { id: 'layout.oci-layout.no-version', requirements: ['IMG-LAYOUT-OCI-LAYOUT-VERSION'] },
  { id: 'layout.index.missing', requirements: ['IMG-LAYOUT-INDEX-EXISTS', 'IMG-LAYOUT-INDEX-REQUIRED'] },
  { id: 'layout.index.not-object', requirements: ['IMG-LAYOUT-INDEX-IS-INDEX'] },
  { id: 'layout.index.unknown-media-type', requirements: ['IMG-LAYOUT-UNKNOWN-MEDIATYPE'] },
  { id: 'layout.ref-name.outside-index-json', requirements: ['IMG-LAYOUT-REF-NAME-INDEX-ONLY'] },
  { id: 'layout.blobs.missing', requirements: ['IMG-LAYOUT-BLOBS-DIR-EXISTS'] },
  { id: 'layout.symlink', requirements: [], level: 'MUST' },
  { id: 'layout.archive.unsafe-path', requirements: [], level: 'MUST' },
  { id: 'layout.archive.duplicate-entry', requirements: [], level: 'MUST' },
  { id: 'layout.json.too-large', requirements: [], level: 'MUST' },
  { id: 'layout.json.encoding', requirements: [], level: 'MUST' },
  { id: 'layout.json.unreadable', requirements: [], level: 'MUST' },
  // blobs
  { id: 'layout.blob.digest-mismatch', requirements: ['IMG-LAYOUT-BLOB-DIGEST-MATCH', 'IMG-DESC-DIGEST-VERIFY'] },
  { id: 'layout.blob.size-mismatch', requirements: ['IMG-DESC-SIZE-REQUIRED', 'IMG-DESC-SIZE-MISMATCH'] },
  { id: 'layout.blob.missing', requirements: ['IMG-LAYOUT-MISSING-BLOB-EXTERNAL'] },
  { id: 'layout.blob.not-file', requirements: [], level: 'MUST' },
  { id: 'layout.blob.unreadable', requirements: [], level: 'MUST' },
  { id: 'layout.blob.unreferenced', requirements: [], level: 'INFO' },
  { id: 'layout.blob.unexpected', requirements: [], level: 'INFO' },
  { id: 'layout.blob.bad-name', requirements: ['IMG-LAYOUT-BLOB-NAME-CHARSET', 'IMG-LAYOUT-BLOB-DIGEST-MATCH'] },
  { id: 'layout.blob.digest-unverifiable', requirements: [], level: 'INFO' },
  { id: 'layout.walk.cycle', requirements: [], level: 'MUST' },
  { id: 'layout.walk.too-deep', requirements: [], level: 'MUST' },
  // configs against their layers
  { id: 'layout.config.diff-ids-count', requirements: ['IMG-CONFIG-ROOTFS-DIFFIDS-REQUIRED'] },
  { id: 'layout.config.diff-id-mismatch', requirements: ['IMG-CONFIG-ROOTFS-DIFFIDS-REQUIRED'] },
  // layers
  { id: 'layout.layer.compression-mismatch', requirements: ['IMG-LAYER-TAR-FORMAT'] },
  { id: 'layout.layer.non-distributable', requirements: ['IMG-LAYER-NONDIST-NO-NEW'] },
  { id: 'layout.layer.decompression-limit', requirements: [], level: 'MUST' },
  { id: 'layout.layer.decompression-ratio', requirements: [], level: 'MUST' },
  { id: 'layout.layer.decompress-failed', requirements: [], level: 'MUST' },
  { id: 'layout.layer.not-tar', requirements: ['IMG-LAYER-TAR-FORMAT'] },
  { id: 'layout.layer.duplicate-entry', requirements: ['IMG-LAYER-NO-DUPLICATE-ENTRIES'] },
  { id: 'layout.layer.sparse', requirements: ['IMG-LAYER-NO-SPARSE'] },
  { id: 'layout.layer.absolute-path', requirements: [], level: 'MUST' },
  { id: 'layout.layer.dotdot-path', requirements: [], level: 'MUST' },
  { id: 'layout.layer.whiteout-same-layer', requirements: ['IMG-LAYER-WHITEOUT-LOWER-ONLY'] },
  { id: 'layout.layer.whiteout-order', requirements: ['IMG-LAYER-WHITEOUT-BEFORE-SIBLINGS'] },
  { id: 'layout.layer.opaque-whiteout', requirements: ['IMG-LAYER-WHITEOUT-EXPLICIT'] },
  { id: 'layout.layer.whiteout-not-file', requirements: [], level: 'SHOULD' },
  { id: 'layout.layer.whiteout-not-empty', requirements: [], level: 'SHOULD' },
  { id: 'layout.layer.whiteout-special', requirements: [], level: 'INFO' },
  { id: 'layout.layer.whiteout-bad-name', requirements: [], level: 'MUST' },
  { id: 'layout.layer.hardlink-escape', requirements: [], level: 'MUST' },
  { id: 'layout.layer.hardlink-to-directory', requirements: [], level: 'MUST' },
  { id: 'layout.layer.hardlink-target-missing', requirements: [], level: 'MUST' },
  { id: 'layout.layer.symlink-escape', requirements: [], level: 'MUST' },
  { id: 'layout.layer.path-too-long', requirements: [], level: 'MUST' },
  { id: 'layout.layer.names-limit', requirements: [], level: 'MUST' },
  { id: 'layout.layer.more-findings', requirements: [], level: 'INFO' },
] as const satisfies readonly LayoutCheckSpec[];

export type LayoutCheck = (typeof LAYOUT_CHECKS)[number];
/** The rule ids of the layout walker's diagnostics. */
export type LayoutCheckId = LayoutCheck['id'];
/** The checks made on the entries of a layer's tar stream (layer/), each citing at most one requirement. */
export type LayerCheckId = Exclude<
  Extract<LayoutCheckId, `layout.layer.${string}`>,
  | 'layout.layer.compression-mismatch'
  | 'layout.layer.non-distributable'
  | 'layout.layer.decompression-limit'
  | 'layout.layer.decompression-ratio'
  | 'layout.layer.decompress-failed'
  | 'layout.layer.not-tar'
>;

const BY_ID: ReadonlyMap<string, LayoutCheckSpec> = new Map(LAYOUT_CHECKS.map((c) => [c.id, c]));

/** The check of a rule id of the walker's. */
export function layoutCheck(id: LayoutCheckId): LayoutCheckSpec {
  const c = BY_ID.get(id);
  if (!c) throw new Error(`${id}: not a layout check`);
  return c;
}
