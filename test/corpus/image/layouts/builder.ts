/**
 * Builds an image layout on disk from a case description (a *.layout.json in
 * this directory): blobs by name, descriptors by reference ({"$ref": "name"}
 * becomes that blob's descriptor, "$diffid:name" a layer's DiffID), and then
 * the damage the case is about (bytes changed, blob left out, a symlink, ...).
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { TarSpecEntry } from './tar-writer.js';
import { writeTar, zstdStored } from './tar-writer.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Compression = 'gzip' | 'zstd' | 'none';

export interface BlobSpec {
  /** A layer: tar entries, compressed as asked (default gzip). */
  readonly layer?: readonly TarSpecEntry[];
  readonly compression?: Compression;
  /** Uncompressed bytes of a layer given directly (instead of entries): N zero bytes. */
  readonly zeros?: number;
  /** An image config whose rootfs.diff_ids are those of these layers. */
  readonly config?: readonly string[];
  /** An image manifest. */
  readonly manifest?: { readonly config: string; readonly layers: readonly string[] };
  /** An image index of these manifests. */
  readonly index?: readonly string[];
  /** Any JSON (with $ref objects and "$diffid:" strings). */
  readonly json?: Json;
  readonly text?: string;
  /** Raw bytes, as hex. */
  readonly hex?: string;
  readonly mediaType?: string;
  /** Store under this digest instead of the content's. */
  readonly name?: string;
  /** Digest algorithm (default sha256). */
  readonly alg?: 'sha256' | 'sha512';
}

export interface Mutation {
  /** Replace the first occurrence of [from, to] in the stored bytes. */
  readonly sub?: readonly [string, string];
  /** Flip one byte in the middle of the stored bytes. */
  readonly flip?: boolean;
  readonly omit?: boolean;
  /** Store the bytes outside the layout and put a symlink in the blob's place. */
  readonly symlink?: boolean;
}

export interface LayoutSpec {
  readonly blobs?: Readonly<Record<string, BlobSpec>>;
  readonly mutate?: Readonly<Record<string, Mutation>>;
  /** index.json as JSON (null: no index.json); default: an index of the blob named 'manifest'. */
  readonly index?: Json;
  readonly indexText?: string;
  /** oci-layout as JSON (null: none); default {"imageLayoutVersion": "1.0.0"}. */
  readonly ociLayout?: Json;
  readonly ociLayoutText?: string;
  /** More files, by path relative to the layout. */
  readonly files?: Readonly<Record<string, string>>;
  /** Symbolic links to make, path relative to the layout -> link target (after files are written). */
  readonly links?: Readonly<Record<string, string>>;
  /** Paths to remove after everything is written (e.g. to turn a file into a link). */
  readonly remove?: readonly string[];
  readonly noBlobsDir?: boolean;
}

interface Built {
  readonly bytes: Buffer;
  readonly digest: string;
  readonly mediaType: string;
  readonly diffId?: string;
}

const MT = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  tar: 'application/vnd.oci.image.layer.v1.tar',
  gzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  zstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
} as const;

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Builds the layout in `dir`; returns each blob's path in it (blobs/<alg>/<encoded>) by name. */
export function buildLayout(spec: LayoutSpec, dir: string, outside: string): Map<string, string> {
  const specs = spec.blobs ?? {};
  const built = new Map<string, Built>();
  const building = new Set<string>();

  const blob = (name: string): Built => {
    const have = built.get(name);
    if (have) return have;
    const s = specs[name];
    if (!s) throw new Error(`no blob named ${name}`);
    if (building.has(name)) throw new Error(`blob ${name} refers to itself; use "name" to fix its digest`);
    building.add(name);
    let bytes: Buffer;
    let mediaType = s.mediaType;
    let diffId: string | undefined;
    if (s.layer || s.zeros !== undefined) {
      const tar = s.layer ? writeTar(s.layer) : Buffer.alloc(s.zeros!);
      diffId = sha256(tar);
      const c = s.compression ?? 'gzip';
      bytes = c === 'gzip' ? gzipSync(tar) : c === 'zstd' ? zstdStored(tar) : tar;
      mediaType ??= c === 'gzip' ? MT.gzip : c === 'zstd' ? MT.zstd : MT.tar;
    } else if (s.config) {
      const doc = { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: s.config.map((l) => blob(l).diffId ?? '') } };
      bytes = Buffer.from(JSON.stringify(doc));
      mediaType ??= MT.config;
    } else if (s.manifest) {
      const doc = { schemaVersion: 2, mediaType: MT.manifest, config: desc(s.manifest.config), layers: s.manifest.layers.map(desc) };
      bytes = Buffer.from(JSON.stringify(doc, null, 2));
      mediaType ??= MT.manifest;
    } else if (s.index) {
      const doc = { schemaVersion: 2, mediaType: MT.index, manifests: s.index.map(desc) };
      bytes = Buffer.from(JSON.stringify(doc, null, 2));
      mediaType ??= MT.index;
    } else if (s.json !== undefined) {
      bytes = Buffer.from(JSON.stringify(resolve(s.json), null, 2));
      mediaType ??= 'application/octet-stream';
    } else if (s.hex !== undefined) {
      bytes = Buffer.from(s.hex, 'hex');
      mediaType ??= 'application/octet-stream';
    } else {
      bytes = Buffer.from(s.text ?? '');
      mediaType ??= 'application/octet-stream';
    }
    building.delete(name);
    const digest = s.name ?? (s.alg === 'sha512' ? `sha512:${createHash('sha512').update(bytes).digest('hex')}` : sha256(bytes));
    const b: Built = { bytes, digest, mediaType, ...(diffId ? { diffId } : {}) };
    built.set(name, b);
    return b;
  };

  const desc = (name: string): Json => {
    const b = blob(name);
    const d: { [k: string]: Json } = { mediaType: b.mediaType, digest: b.digest, size: b.bytes.length };
    if (b.mediaType === MT.manifest) d.platform = { architecture: 'amd64', os: 'linux' };
    return d;
  };

  const resolve = (v: Json): Json => {
    if (typeof v === 'string') return v.startsWith('$diffid:') ? (blob(v.slice(8)).diffId ?? '') : v.startsWith('$digest:') ? blob(v.slice(8)).digest : v;
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === 'object') {
      const out: { [k: string]: Json } = {};
      const ref = v.$ref;
      if (typeof ref === 'string') Object.assign(out, desc(ref));
      for (const [k, x] of Object.entries(v)) if (k !== '$ref') out[k] = resolve(x);
      return out;
    }
    return v;
  };

  mkdirSync(dir, { recursive: true });
  if (!spec.noBlobsDir) mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  if (spec.ociLayoutText !== undefined) writeFileSync(join(dir, 'oci-layout'), spec.ociLayoutText);
  else if (spec.ociLayout !== null) writeFileSync(join(dir, 'oci-layout'), JSON.stringify(spec.ociLayout ?? { imageLayoutVersion: '1.0.0' }));
  const index = spec.index === undefined ? (specs.manifest ? { schemaVersion: 2, mediaType: MT.index, manifests: [{ $ref: 'manifest' }] } : undefined) : spec.index;
  if (spec.indexText !== undefined) writeFileSync(join(dir, 'index.json'), spec.indexText);
  else if (index !== null && index !== undefined) writeFileSync(join(dir, 'index.json'), JSON.stringify(resolve(index), null, 2));
  for (const name of Object.keys(specs)) {
    const b = blob(name);
    const m = spec.mutate?.[name] ?? {};
    if (m.omit) continue;
    let bytes = b.bytes;
    if (m.sub) {
      const s = bytes.toString('latin1');
      if (!s.includes(m.sub[0])) throw new Error(`blob ${name}: '${m.sub[0]}' not found`);
      bytes = Buffer.from(s.replace(m.sub[0], m.sub[1]), 'latin1');
    }
    if (m.flip) {
      bytes = Buffer.from(bytes);
      const i = bytes.length >> 1;
      bytes[i] = bytes[i]! ^ 0xff;
    }
    const [alg, enc] = b.digest.split(':') as [string, string];
    const path = join(dir, 'blobs', alg, enc);
    mkdirSync(dirname(path), { recursive: true });
    if (m.symlink) {
      mkdirSync(outside, { recursive: true });
      const target = join(outside, enc);
      writeFileSync(target, bytes);
      symlinkSync(target, path);
    } else writeFileSync(path, bytes);
  }
  for (const [p, text] of Object.entries(spec.files ?? {})) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  for (const p of spec.remove ?? []) rmSync(join(dir, p), { recursive: true, force: true });
  for (const [p, target] of Object.entries(spec.links ?? {})) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    symlinkSync(target, join(dir, p));
  }
  return new Map([...built].map(([name, b]) => [name, `blobs/${b.digest.replace(':', '/')}`]));
}

/** A tar archive of a layout directory (entries in sorted order; symlinks stay symlinks). */
export function archiveLayout(dir: string, gzip: boolean): Buffer {
  const entries: TarSpecEntry[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(dir, r));
      if (st.isSymbolicLink()) entries.push({ name: r, type: '2', linkname: readlinkSync(join(dir, r)) });
      else if (st.isDirectory()) {
        entries.push({ name: `${r}/`, type: '5' });
        walk(r);
      } else entries.push({ name: r, data: readFileSync(join(dir, r)) });
    }
  };
  walk('');
  const tar = writeTar(entries);
  return gzip ? gzipSync(tar) : tar;
}
