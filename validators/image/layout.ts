/**
 * Validation of an image layout held in a content store: the layout files,
 * the walk, then one streaming pass over every blob that is not JSON, then the
 * checks that need the results (digests, diff_ids, layers across a manifest).
 */
import type { CodeCache } from '../../core/code-cache.js';
import { OciError } from '../../core/errors.js';
import { IMAGE_SPEC_VERSIONS, LATEST_IMAGE_SPEC } from '../../spec/versions.js';
import type { DocumentResult } from '../document.js';
import { joinPointer } from '../json/pointer.js';
import { asArray, asString, at, isObject } from '../json/values.js';
import { isDigestError, parseDigest, registeredAlgorithm } from './digest.js';
import { Findings } from './findings.js';
import { readJsonBlob } from './json-blob.js';
import { checkStack } from './layer/stack.js';
import type { LayerFinding, LayerSummary } from './layer/inspect.js';
import { layerCompression } from './media-types.js';
import type { ContentStore, StreamJob } from './store/store.js';
import type { BlobOutcome } from './verify.js';
import { BlobVerifier, DEFAULT_MAX_RATIO, DecompressionBudget, RATIO_MIN_BYTES } from './verify.js';
import type { BlobRecord } from './walk.js';
import { Walker } from './walk.js';
import { checkBlobNames } from './names.js';

export interface LayoutOptions {
  readonly level?: 'MUST' | 'SHOULD';
  readonly specVersion?: string;
  /** A referenced blob missing from the layout is an error, not a warning. */
  readonly complete?: boolean;
  /** Largest JSON blob read. */
  readonly maxBytes?: number;
  /** Decompressed bytes allowed over all layers of the run. */
  readonly maxDecompressedBytes?: number;
  /** Largest ratio of decompressed to compressed bytes a layer may reach (0: none); default DEFAULT_MAX_RATIO. */
  readonly maxDecompressionRatio?: number;
  /** Blobs streamed at once. */
  readonly concurrency?: number;
  /** The CLI's code-cached scripts, for the JSON documents' validators and rules. */
  readonly codeCache?: CodeCache;
}

export const DEFAULT_MAX_DECOMPRESSED = 16 * 1024 ** 3;
const DEFAULT_MAX_JSON = 16 * 1024 * 1024;

export async function validateLayout(store: ContentStore, opts: LayoutOptions = {}): Promise<DocumentResult[]> {
  if (opts.specVersion !== undefined && !(IMAGE_SPEC_VERSIONS as readonly string[]).includes(opts.specVersion))
    throw new OciError('OCI_INPUT_SPEC_VERSION', `${store.name}: --spec-version ${opts.specVersion} is not an image-spec version we know (${IMAGE_SPEC_VERSIONS.join(', ')})`);
  const version = opts.specVersion ?? LATEST_IMAGE_SPEC;
  const level = opts.level ?? 'MUST';
  const F = new Findings(version, level);
  const root = store.name;
  F.file(root, 'image-layout', version);
  const json = { maxBytes: opts.maxBytes ?? DEFAULT_MAX_JSON, specVersion: opts.specVersion, level, codeCache: opts.codeCache };

  for (const name of store.duplicates ?? [])
    F.add(root, {
      rule: 'layout.archive.duplicate-entry',
      message: `archive entry '${name}' occurs more than once; tools that extract it keep the last one, which is the one checked`,
      params: { entry: name },
    });
  for (const name of store.tooLong ?? [])
    F.add(root, {
      rule: 'layout.archive.unsafe-path',
      message: `archive entry '${name}' has a name longer than PATH_MAX, which no tool can extract; ignored`,
      params: { entry: name },
    });
  for (const name of store.escaping ?? [])
    F.add(root, { rule: 'layout.archive.unsafe-path', message: `archive entry '${name}' would land outside the layout root; ignored`, params: { entry: name } });

  // oci-layout
  const ol = store.stat('oci-layout');
  if (ol.kind === 'missing')
    F.add(root, { rule: 'layout.oci-layout.missing', message: 'no oci-layout file at the root of the layout' });
  else if (ol.kind === 'link') F.add(root, { rule: 'layout.symlink', message: `oci-layout is ${ol.what}; refused, never followed`, params: { path: 'oci-layout' } });
  else if (ol.kind === 'not-file') F.add(root, { rule: 'layout.oci-layout.missing', message: `oci-layout is ${ol.what}, not a file` });
  else {
    const r = await readJsonBlob(store, 'oci-layout', ol.size, F, { ...json, kind: 'oci-layout' });
    const file = store.label('oci-layout');
    if (r.parsed) {
      const v = r.parsed.value;
      if (!isObject(v)) {
        if (!F.hasError(file)) F.add(file, { rule: 'layout.oci-layout.not-object', message: 'oci-layout holds JSON that is not an object' });
      } else if (!('imageLayoutVersion' in v) && !F.hasError(file))
        F.add(file, { rule: 'layout.oci-layout.no-version', message: 'oci-layout has no imageLayoutVersion member' });
    }
  }

  // blobs/
  if (!store.hasDir('blobs')) {
    const st = store.stat('blobs');
    F.add(root, {
      rule: 'layout.blobs.missing',
      message: st.kind === 'missing' ? 'no blobs directory at the root of the layout' : `blobs is ${st.kind === 'link' ? st.what : 'not a directory'}`,
    });
  }

  // index.json and the walk from it
  const walker = new Walker(store, F, json, opts.complete === true);
  const ix = store.stat('index.json');
  if (ix.kind === 'missing' || ix.kind === 'not-file')
    F.add(root, {
      rule: 'layout.index.missing',
      requirement: 'IMG-LAYOUT-INDEX-EXISTS',
      message: ix.kind === 'missing' ? 'no index.json at the root of the layout' : `index.json is ${ix.what}, not a file`,
    });
  else if (ix.kind === 'link') F.add(root, { rule: 'layout.symlink', message: `index.json is ${ix.what}; refused, never followed`, params: { path: 'index.json' } });
  else {
    const r = await readJsonBlob(store, 'index.json', ix.size, F, { ...json, kind: 'index' });
    const file = store.label('index.json');
    if (r.parsed) {
      if (!isObject(r.parsed.value)) {
        if (!F.hasError(file)) F.add(file, { rule: 'layout.index.not-object', message: 'index.json holds JSON that is not an object, so not an image index' });
      } else await walker.walkIndexJson(r.parsed.value, file);
    }
  }

  // what else is under blobs/
  const unreferenced: BlobRecord[] = [];
  checkBlobNames(store, F, walker.blobs, walker.refused, unreferenced);

  // one streaming pass over every blob we did not parse
  const budget = new DecompressionBudget(opts.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED, opts.maxDecompressionRatio ?? DEFAULT_MAX_RATIO);
  const diffAlgs = diffIdAlgorithms(walker);
  const outcomes = new Map<string, BlobOutcome>();
  const jobs: StreamJob[] = [];
  for (const b of [...walker.blobs.values(), ...unreferenced]) {
    if (!b.stream) continue;
    const pre = store.precomputed?.(b.path);
    if (pre && enough(pre, b.layer, diffAlgs)) {
      outcomes.set(b.path, b.layer ? pre : { ...pre, layer: undefined });
      continue;
    }
    const v = new BlobVerifier(b.nodeHash, b.layer ? { diffAlgorithms: diffAlgs, budget } : undefined);
    outcomes.set(b.path, v.outcome);
    jobs.push({ path: b.path, sink: v });
  }
  await store.stream(jobs, opts.concurrency ?? 2);

  for (const b of [...walker.blobs.values(), ...unreferenced]) {
    const o = outcomes.get(b.path);
    const label = store.label(b.path);
    if (o) {
      if (o.readError !== undefined) {
        F.add(label, { rule: 'layout.blob.unreadable', message: `cannot read the blob: ${o.readError}` });
        continue;
      }
      b.computed = o.digest;
    }
    digestFindings(b, label, F);
    if (o?.layer) layerFindings(b, o, label, F, budget.limit, budget.maxRatio);
  }

  for (const m of walker.manifests) manifestFindings(m, outcomes, store, F);
  return F.results();
}

/** Whether a store's earlier reading of a blob answers all we ask of it now. */
function enough(o: BlobOutcome, layer: boolean, diffAlgs: ReadonlyMap<string, string>): boolean {
  if (o.readError !== undefined) return false;
  if (!layer) return true;
  const l = o.layer;
  if (!l) return false;
  // The store's budget was shared with blobs nobody references: a limit hit there is checked again with ours.
  if (l.limitExceeded) return false;
  if (l.ratioExceeded || l.decompressError !== undefined || l.inspector.tarError !== undefined) return true;
  return [...diffAlgs.keys()].every((a) => l.diffIds.has(a));
}

function digestFindings(b: BlobRecord, label: string, F: Findings): void {
  const expected = b.digest.encoded;
  if (!b.nodeHash) {
    F.add(label, {
      rule: 'layout.blob.digest-unverifiable',
      level: 'INFO',
      message: `algorithm ${b.digest.algorithm} is not one we can compute; content not verified`,
      params: { algorithm: b.digest.algorithm },
    });
    return;
  }
  if (b.computed === undefined || b.computed === expected) return;
  const message = `content of ${b.path} hashes to ${b.digest.algorithm}:${b.computed}, not to the digest it is named by`;
  const params = { expected: `${b.digest.algorithm}:${expected}`, actual: `${b.digest.algorithm}:${b.computed}`, path: b.path };
  if (b.refs.length === 0) F.add(label, { rule: 'layout.blob.digest-mismatch', requirement: 'IMG-LAYOUT-BLOB-DIGEST-MATCH', message, params });
  for (const r of b.refs)
    F.add(r.file, { rule: 'layout.blob.digest-mismatch', requirement: 'IMG-LAYOUT-BLOB-DIGEST-MATCH', pointer: joinPointer(r.pointer, 'digest'), message, params });
}

function layerFindings(b: BlobRecord, o: BlobOutcome, label: string, F: Findings, limit: number, ratio: number): void {
  const l = o.layer!;
  for (const r of b.refs) {
    const declared = r.mediaType !== undefined ? layerCompression(r.mediaType) : undefined;
    if (declared !== undefined && declared !== l.compression)
      F.add(r.file, {
        rule: 'layout.layer.compression-mismatch',
        // the blob is not the tar (or compressed tar) its media type names: the check's IMG-LAYER-TAR-FORMAT
        pointer: joinPointer(r.pointer, 'mediaType'),
        message: `media type ${r.mediaType} says ${declared === 'none' ? 'an uncompressed tar' : declared}, but the blob is ${l.compression === 'none' ? 'not compressed (no gzip or zstd magic)' : `${l.compression}-compressed`}`,
        params: { declared, actual: l.compression },
      });
  }
  if (l.ratioExceeded)
    F.add(label, {
      rule: 'layout.layer.decompression-ratio',
      message: `decompressing stopped after ${l.uncompressedSize} bytes: the layer (${o.size} bytes compressed) expands more than ${ratio} times its compressed size, a decompression bomb by our reading (raise the limit with --max-decompression-ratio); layer not inspected, diff_id not verified`,
      params: { ratio, decompressed: l.uncompressedSize, compressed: o.size, minimum: RATIO_MIN_BYTES },
    });
  else if (l.limitExceeded)
    F.add(label, {
      rule: 'layout.layer.decompression-limit',
      message: `decompressing stopped after ${l.uncompressedSize} bytes: the run's limit of ${limit} decompressed bytes is used up (raise it with --max-decompressed-bytes); layer not inspected`,
      params: { limit, decompressed: l.uncompressedSize },
    });
  else if (l.decompressError !== undefined)
    F.add(label, { rule: 'layout.layer.decompress-failed', message: `${l.compression} data is corrupt: ${l.decompressError}`, params: { compression: l.compression } });
  else if (l.inspector.tarError !== undefined)
    F.add(label, { rule: 'layout.layer.not-tar', message: `not a tar archive: ${l.inspector.tarError}` });
  for (const f of l.inspector.findings) addLayerFinding(F, label, f);
}

/** A layer check's finding: its requirement and level are the check's (checks.ts). */
function addLayerFinding(F: Findings, label: string, f: LayerFinding): void {
  const params: Readonly<Record<string, unknown>> = f.entry !== undefined ? { entry: f.entry } : {};
  F.addLayer(label, { rule: f.rule, message: f.message, params, ...(f.level !== undefined ? { level: f.level } : {}) });
}

/** Algorithms the configs' diff_ids use (sha256 always). */
function diffIdAlgorithms(w: Walker): Map<string, string> {
  const out = new Map<string, string>([['sha256', 'sha256']]);
  for (const m of w.manifests)
    for (const d of asArray(at(m.configDoc, 'rootfs', 'diff_ids'))) {
      const s = asString(d);
      if (s === undefined) continue;
      const p = parseDigest(s);
      if (!isDigestError(p)) {
        const reg = registeredAlgorithm(p.algorithm);
        if (reg) out.set(p.algorithm, reg.nodeHash);
      }
    }
  return out;
}

function manifestFindings(m: Walker['manifests'][number], outcomes: ReadonlyMap<string, BlobOutcome>, store: ContentStore, F: Findings): void {
  const summaries: Array<LayerSummary | undefined> = m.layers.map((l) => (l ? outcomes.get(l.path)?.layer : undefined)).map((l) =>
    l && !l.limitExceeded && !l.ratioExceeded && l.decompressError === undefined && l.inspector.tarError === undefined ? l.inspector.summary : undefined,
  );
  for (const [i, fs] of checkStack(summaries)) for (const f of fs) addLayerFinding(F, store.label(m.layers[i]!.path), f);

  if (!m.configFile || m.configDoc === undefined) return;
  const diffIds = at(m.configDoc, 'rootfs', 'diff_ids');
  if (!Array.isArray(diffIds)) return; // the config schema reports it
  if (diffIds.length !== m.layers.length)
    F.add(m.configFile, {
      rule: 'layout.config.diff-ids-count',
      pointer: '/rootfs/diff_ids',
      message: `${diffIds.length} diff_ids for the ${m.layers.length} layers of manifest ${m.file}; there is one per layer`,
      params: { diffIds: diffIds.length, layers: m.layers.length, manifest: m.file },
    });
  const n = Math.min(diffIds.length, m.layers.length);
  for (let i = 0; i < n; i++) {
    const layer = m.layers[i];
    const want = asString(diffIds[i]);
    if (!layer || want === undefined) continue;
    const p = parseDigest(want);
    if (isDigestError(p)) continue;
    const got = outcomes.get(layer.path)?.layer?.diffIds.get(p.algorithm);
    if (got === undefined || got === p.encoded) continue;
    F.add(m.configFile, {
      rule: 'layout.config.diff-id-mismatch',
      pointer: joinPointer('/rootfs/diff_ids', i),
      message: `diff_id ${i} is ${want}, but layer ${i} (${layer.path}) uncompressed hashes to ${p.algorithm}:${got}`,
      params: { expected: want, actual: `${p.algorithm}:${got}`, layer: layer.path },
    });
  }
}
