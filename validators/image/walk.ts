/**
 * The layout walker: from oci-layout and index.json through nested indexes
 * and manifests to configs and layers. JSON blobs are read (bounded) and
 * validated as their kind; every other blob is queued for streaming
 * verification. Cycles are caught on the path from index.json.
 */
import type { JsonValue } from '../json/parse.js';
import { joinPointer } from '../json/pointer.js';
import { asArray, asNumber, asString, isObject, prop } from '../json/values.js';
import type { ParsedDigest } from './digest.js';
import { formatDigest, isDigestError, parseDigest, registeredAlgorithm } from './digest.js';
import type { Findings } from './findings.js';
import type { JsonReadOptions } from './json-blob.js';
import { readJsonBlob } from './json-blob.js';
import { MT_CONFIG, MT_INDEX, MT_MANIFEST, layerCompression, layerMediaType } from './media-types.js';
import type { ContentStore } from './store/store.js';

/** Where a descriptor stands: the file it is in and its pointer there. */
export interface DescriptorRef {
  readonly file: string;
  readonly pointer: string;
  readonly mediaType: string | undefined;
  readonly size: number | undefined;
}

export interface BlobRecord {
  readonly path: string;
  readonly digest: ParsedDigest;
  readonly refs: DescriptorRef[];
  /** node:crypto name of the digest's algorithm (undefined: an algorithm we cannot compute). */
  readonly nodeHash: string | undefined;
  /** Size on disk / in the archive. */
  size: number;
  /** Hex digest computed from the bytes (JSON blobs: at once; others: after streaming). */
  computed: string | undefined;
  /** Stream it (layers and blobs we do not parse). */
  stream: boolean;
  /** A layer to decompress and inspect. */
  layer: boolean;
}

export interface ManifestRecord {
  readonly file: string;
  readonly configPath: string | undefined;
  readonly configFile: string | undefined;
  readonly configDoc: JsonValue | undefined;
  /** Layers in order (undefined where a descriptor is unusable). */
  readonly layers: ReadonlyArray<{ readonly path: string; readonly pointer: string; readonly mediaType: string | undefined } | undefined>;
}

type Role = 'index-json' | 'index' | 'config' | 'layer' | 'subject';

const REF_NAME = 'org.opencontainers.image.ref.name';
const MAX_DEPTH = 64;

export class Walker {
  readonly blobs = new Map<string, BlobRecord>();
  readonly manifests: ManifestRecord[] = [];
  /** Referenced blobs refused as they stand (a link, a FIFO, a device): reported once, as that, not as unreferenced too. */
  readonly refused = new Set<string>();
  /** Parsed JSON blobs, by path, once validated. */
  private readonly docs = new Map<string, JsonValue | undefined>();

  constructor(
    private readonly store: ContentStore,
    private readonly F: Findings,
    private readonly json: Omit<JsonReadOptions, 'kind' | 'nodeHash'>,
    private readonly complete: boolean,
  ) {}

  /** Walks the descriptors of index.json (already read and validated as `file`). */
  async walkIndexJson(doc: JsonValue, file: string): Promise<void> {
    await this.walkIndex(doc, file, 'index-json', []);
  }

  private async walkIndex(doc: JsonValue, file: string, role: 'index-json' | 'index', stack: string[]): Promise<void> {
    const list = asArray(prop(doc, 'manifests'));
    for (let i = 0; i < list.length; i++) await this.descriptor(list[i]!, file, joinPointer('/manifests', i), role, stack);
  }

  private async walkManifest(doc: JsonValue, file: string, stack: string[]): Promise<void> {
    const config = prop(doc, 'config');
    const configPath = await this.descriptor(config, file, '/config', 'config', stack);
    const layers = asArray(prop(doc, 'layers'));
    const out: Array<ManifestRecord['layers'][number]> = [];
    for (let i = 0; i < layers.length; i++) {
      const pointer = joinPointer('/layers', i);
      const path = await this.descriptor(layers[i]!, file, pointer, 'layer', stack);
      out.push(path ? { path, pointer, mediaType: asString(prop(layers[i], 'mediaType')) } : undefined);
    }
    const subject = prop(doc, 'subject');
    if (subject !== undefined) await this.descriptor(subject, file, '/subject', 'subject', stack);
    const configMt = asString(prop(config, 'mediaType'));
    this.manifests.push({
      file,
      configPath: configMt === MT_CONFIG ? configPath : undefined,
      configFile: configMt === MT_CONFIG && configPath ? this.store.label(configPath) : undefined,
      configDoc: configMt === MT_CONFIG && configPath ? this.docs.get(configPath) : undefined,
      layers: out,
    });
  }

  /** Checks one descriptor and what it points to; returns the blob path when the blob is there. */
  private async descriptor(d: JsonValue | undefined, file: string, pointer: string, role: Role, stack: string[]): Promise<string | undefined> {
    if (!isObject(d)) return undefined;
    const digestText = asString(d.digest);
    if (digestText === undefined) return undefined;
    const digest = parseDigest(digestText);
    if (isDigestError(digest)) return undefined; // the descriptor rules report the grammar
    const mediaType = asString(d.mediaType);
    const size = asNumber(d.size);
    if (role !== 'index-json' && asString(prop(prop(d, 'annotations'), REF_NAME)) !== undefined)
      this.F.add(file, {
        rule: 'layout.ref-name.outside-index-json',
        level: 'INFO',
        pointer: joinPointer(pointer, 'annotations', REF_NAME),
        message: `${REF_NAME} here is not on a descriptor of index.json, so consumers do not treat it as a tag`,
      });
    const kind = this.kindOf(role, mediaType, file, pointer);
    const path = `blobs/${digest.algorithm}/${digest.encoded}`;
    const id = formatDigest(digest);
    if (stack.includes(id)) {
      this.F.add(file, {
        rule: 'layout.walk.cycle',
        pointer: joinPointer(pointer, 'digest'),
        message: `${id} is already being walked on the way here (${[...stack, id].map(short).join(' -> ')}): the references form a cycle`,
        params: { digest: id, path: stack },
      });
      return undefined;
    }
    if (stack.length >= MAX_DEPTH) {
      this.F.add(file, { rule: 'layout.walk.too-deep', pointer, message: `indexes nest more than ${MAX_DEPTH} levels deep; not followed further` });
      return undefined;
    }
    const st = this.store.stat(path);
    const dpointer = joinPointer(pointer, 'digest');
    if (st.kind === 'missing') {
      this.F.add(file, {
        rule: 'layout.blob.missing',
        ...(this.complete ? { severity: 'error' as const } : {}),
        pointer: dpointer,
        message: `blob ${path} is not in the layout${this.complete ? ' (--complete asks for every referenced blob)' : '; it must come from another blob store'}`,
        params: { path, complete: this.complete },
      });
      return undefined;
    }
    if (st.kind === 'link') {
      this.refused.add(path);
      this.F.add(file, { rule: 'layout.symlink', pointer: dpointer, message: `blob ${path} is ${st.what}; refused, never followed`, params: { path } });
      return undefined;
    }
    if (st.kind === 'not-file') {
      this.refused.add(path);
      this.F.add(file, { rule: 'layout.blob.not-file', pointer: dpointer, message: `blob ${path} is ${st.what}, not a regular file`, params: { path } });
      return undefined;
    }
    if (size !== undefined && size !== st.size)
      this.F.add(file, {
        rule: 'layout.blob.size-mismatch',
        requirement: 'IMG-DESC-SIZE-REQUIRED',
        pointer: joinPointer(pointer, 'size'),
        message: `descriptor size ${size} but blob ${path} has ${st.size} bytes`,
        params: { expected: size, actual: st.size, path },
      });
    if (mediaType !== undefined && role === 'layer' && layerMediaType(mediaType)?.nonDistributable)
      this.F.add(file, {
        rule: 'layout.layer.non-distributable',
        pointer: joinPointer(pointer, 'mediaType'),
        message: `${mediaType} is a deprecated non-distributable layer type`,
      });
    let blob = this.blobs.get(path);
    if (!blob) {
      blob = { path, digest, refs: [], nodeHash: registeredAlgorithm(digest.algorithm)?.nodeHash, size: st.size, computed: undefined, stream: false, layer: false };
      this.blobs.set(path, blob);
    }
    blob.refs.push({ file, pointer, mediaType, size });
    if (kind === 'opaque' || kind === 'layer') {
      this.F.file(this.store.label(path), kind === 'layer' ? 'layer' : 'blob', this.F.version);
      blob.stream = true;
      if (kind === 'layer') blob.layer = true;
      return path;
    }
    if (!this.docs.has(path)) {
      this.docs.set(path, undefined);
      const r = await readJsonBlob(this.store, path, st.size, this.F, { ...this.json, kind, ...(blob.nodeHash ? { nodeHash: blob.nodeHash } : {}) });
      blob.computed = r.digest;
      const doc = r.parsed?.value;
      this.docs.set(path, doc);
      if (doc !== undefined && kind !== 'image-config') {
        const label = this.store.label(path);
        if (kind === 'index') await this.walkIndex(doc, label, 'index', [...stack, id]);
        else await this.walkManifest(doc, label, [...stack, id]);
      }
    }
    return path;
  }

  private kindOf(role: Role, mediaType: string | undefined, file: string, pointer: string): 'index' | 'manifest' | 'image-config' | 'layer' | 'opaque' {
    if (role === 'config') return mediaType === MT_CONFIG ? 'image-config' : 'opaque';
    if (role === 'layer') return mediaType !== undefined && layerCompression(mediaType) !== undefined ? 'layer' : 'opaque';
    if (role === 'subject') return 'opaque';
    if (mediaType === MT_INDEX) return 'index';
    if (mediaType === MT_MANIFEST) return 'manifest';
    this.F.add(file, {
      rule: 'layout.index.unknown-media-type',
      // the requirement speaks of index.json only: elsewhere a hint that breaks nothing
      requirement: role === 'index-json' ? 'IMG-LAYOUT-UNKNOWN-MEDIATYPE' : null,
      level: 'INFO',
      pointer: joinPointer(pointer, 'mediaType'),
      message: `${mediaType === undefined ? 'no media type' : `media type ${mediaType}`} is neither an image index nor a manifest: the blob is verified but not followed`,
      params: { mediaType: mediaType ?? null },
    });
    return 'opaque';
  }
}

function short(id: string): string {
  const i = id.indexOf(':');
  return `${id.slice(0, i + 1)}${id.slice(i + 1, i + 13)}`;
}

