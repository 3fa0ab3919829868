/**
 * Hostile image layouts, built in code (issue 13): each case writes a layout
 * (or an archive of one, or a bundle) into a directory of the test's and says
 * which rule ids oci-validate must reject it with. Layers are tar streams of
 * the corpus's tar writer (tar-writer.ts); blobs are content-addressed as in
 * builder.ts, but written one by one, so that a case can have 10,000 of them
 * or a chain 1,000 deep, or stream a layer too large to hold in memory.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { constants, createGzip, gzipSync } from 'node:zlib';
import type { TarSpecEntry } from './layouts/tar-writer.js';
import { writeTar } from './layouts/tar-writer.js';

export const MT = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  tar: 'application/vnd.oci.image.layer.v1.tar',
  gzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
} as const;

export interface Desc {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
}

export interface LayerDesc extends Desc {
  readonly diffId: string;
}

const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Writes a layout blob by blob: oci-layout at once, index.json when asked. */
export class LayoutWriter {
  readonly blobs: string;

  constructor(readonly dir: string) {
    this.blobs = join(dir, 'blobs', 'sha256');
    mkdirSync(this.blobs, { recursive: true });
    writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  }

  /** The file of a blob. */
  path(d: Desc | string): string {
    return join(this.blobs, (typeof d === 'string' ? d : d.digest).slice('sha256:'.length));
  }

  put(bytes: Buffer, mediaType: string): Desc {
    const digest = sha256(bytes);
    writeFileSync(this.path(digest), bytes);
    return { mediaType, digest, size: bytes.length };
  }

  json(doc: unknown, mediaType: string): Desc {
    return this.put(Buffer.from(JSON.stringify(doc)), mediaType);
  }

  /** A layer from tar entries (or a whole tar stream), gzip-compressed unless asked otherwise. */
  layer(tar: readonly TarSpecEntry[] | Buffer, compression: 'gzip' | 'none' = 'gzip'): LayerDesc {
    const t = Buffer.isBuffer(tar) ? tar : writeTar(tar);
    const d = this.put(compression === 'gzip' ? gzipSync(t) : t, compression === 'gzip' ? MT.gzip : MT.tar);
    return { ...d, diffId: sha256(t) };
  }

  /**
   * A gzip layer streamed from parts of its tar (never all in memory at once); `level` as zlib's.
   * Returns when the blob is in place.
   */
  async streamedLayer(parts: Iterable<Buffer>, level: number): Promise<LayerDesc> {
    const tmp = join(this.dir, 'layer.tmp');
    const fd = openSync(tmp, 'w');
    const gz = createGzip({ level, strategy: constants.Z_DEFAULT_STRATEGY });
    const blob = createHash('sha256');
    let size = 0;
    gz.on('data', (c: Buffer) => {
      writeSync(fd, c);
      blob.update(c);
      size += c.length;
    });
    const done = new Promise<void>((resolve, reject) => {
      gz.on('end', resolve);
      gz.on('error', reject);
    });
    const diff = createHash('sha256');
    for (const p of parts) {
      diff.update(p);
      if (!gz.write(p)) await new Promise((r) => gz.once('drain', r));
    }
    gz.end();
    await done;
    closeSync(fd);
    const digest = `sha256:${blob.digest('hex')}`;
    renameSync(tmp, this.path(digest));
    return { mediaType: MT.gzip, digest, size, diffId: `sha256:${diff.digest('hex')}` };
  }

  /** A config for these layers and a manifest of it all; returns the manifest's descriptor (with a platform). */
  image(layers: readonly LayerDesc[]): Desc & { platform: { architecture: string; os: string } } {
    const config = this.json({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) } }, MT.config);
    const manifest = this.json(
      { schemaVersion: 2, mediaType: MT.manifest, config, layers: layers.map(({ mediaType, digest, size }) => ({ mediaType, digest, size })) },
      MT.manifest,
    );
    return { ...manifest, platform: { architecture: 'amd64', os: 'linux' } };
  }

  /** index.json listing these descriptors. */
  index(manifests: readonly unknown[]): void {
    writeFileSync(join(this.dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: MT.index, manifests }));
  }

  /** index.json of one image of these layers. */
  imageOf(...layers: Array<readonly TarSpecEntry[]>): Desc {
    const m = this.image(layers.map((l) => this.layer(l)));
    this.index([m]);
    return m;
  }
}

/** A tar of a layout directory's files as entries (sorted, as builder.ts's archiveLayout), for archives a case then edits. */
export function layoutEntries(dir: string): TarSpecEntry[] {
  const out: TarSpecEntry[] = [];
  const add = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (lstatSync(join(dir, r)).isDirectory()) {
        out.push({ name: `${r}/`, type: '5' });
        add(r);
      } else out.push({ name: r, data: readFileSync(join(dir, r)) });
    }
  };
  add('');
  return out;
}

/** A tar header and pax record naming an entry by a very long path: the parts of a layer, one entry at a time. */
export function* longNameEntries(count: number, nameBytes: number): Generator<Buffer> {
  for (let i = 0; i < count; i++) {
    const tail = `/${i}`;
    yield writeTar([{ name: `${'d'.repeat(nameBytes - tail.length)}${tail}`, data: 'x' }], { endBlocks: false });
  }
  yield Buffer.alloc(1024);
}

/** A tar of one file of `size` zero bytes, in parts: the body of a decompression bomb. */
export function* zerosTar(size: number, before: readonly TarSpecEntry[] = []): Generator<Buffer> {
  if (before.length > 0) yield writeTar(before, { endBlocks: false });
  const head = writeTar([{ name: 'zeros', data: '' }], { endBlocks: false });
  // the header says size 0: rewrite it with the real size (octal, checksum recomputed)
  const h = Buffer.from(head);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  h.write('        ', 148, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  yield h;
  const chunk = Buffer.alloc(4 * 1024 * 1024);
  for (let left = size; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
  const pad = (512 - (size % 512)) % 512;
  yield Buffer.alloc(pad + 1024);
}

/** A FIFO at `path` (mkfifo(1): node has no mkfifo). */
export function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path}: ${r.stderr?.toString() ?? r.error?.message}`);
}

/** What a case builds: the path to hand oci-validate, and extra arguments. */
export interface Built {
  readonly target: string;
  readonly args?: readonly string[];
  /** The blob the case makes unusable (blobs/sha256/<hex>): reported as refused, and as nothing else. */
  readonly refused?: string;
}

export interface HostileCase {
  readonly name: string;
  /** What must come out: rule ids with at least this many error findings each, or an input error's code. */
  readonly expect: { readonly rules: Readonly<Record<string, number>> } | { readonly inputError: string };
  /** Rule ids that must not appear on the refused blob (a refusal reported twice). */
  readonly absent?: readonly string[];
  readonly build: (dir: string, outside: string) => Built | Promise<Built>;
}

const layoutOf = (dir: string): string => join(dir, 'layout');

/** The descriptor of a manifest that is not in the layout. */
export function missingManifest(i: number): Desc & { platform: { architecture: string; os: string } } {
  return { mediaType: MT.manifest, digest: sha256(`manifest ${i}`), size: 100, platform: { architecture: 'amd64', os: 'linux' } };
}

/** One image whose single layer has these entries. */
function oneLayer(entries: readonly TarSpecEntry[]): (dir: string) => Built {
  return (dir) => {
    const w = new LayoutWriter(layoutOf(dir));
    w.imageOf(entries);
    return { target: w.dir };
  };
}

/** A layout with one good image, whose manifest blob the case then replaces. */
function withManifest(dir: string): { w: LayoutWriter; manifest: string; refused: string } {
  const w = new LayoutWriter(layoutOf(dir));
  const m = w.imageOf([{ name: 'hello', data: 'hi' }]);
  return { w, manifest: w.path(m), refused: `blobs/${m.digest.replace(':', '/')}` };
}

export const HOSTILE: readonly HostileCase[] = [
  // --- layer entries
  { name: "layer entry with '..'", expect: { rules: { 'layout.layer.dotdot-path': 1 } }, build: oneLayer([{ name: '../evil', data: 'x' }]) },
  { name: 'layer entry with an absolute path', expect: { rules: { 'layout.layer.absolute-path': 1 } }, build: oneLayer([{ name: '/etc/cron.d/evil', data: 'x' }]) },
  {
    name: 'entry written through an absolute symlink (evil -> /etc, evil/x)',
    expect: { rules: { 'layout.layer.symlink-escape': 1 } },
    build: oneLayer([
      { name: 'evil', type: '2', linkname: '/etc' },
      { name: 'evil/x', data: 'x' },
    ]),
  },
  {
    name: 'entry written through a relative symlink that climbs out (a/up -> ../../..)',
    expect: { rules: { 'layout.layer.symlink-escape': 1 } },
    build: oneLayer([
      { name: 'a/', type: '5' },
      { name: 'a/up', type: '2', linkname: '../../..' },
      { name: 'a/up/etc/x', data: 'x' },
    ]),
  },
  {
    name: 'entry written through a chain of symlinks (a -> b, b -> /etc)',
    expect: { rules: { 'layout.layer.symlink-escape': 1 } },
    build: oneLayer([
      { name: 'a', type: '2', linkname: 'b' },
      { name: 'b', type: '2', linkname: '/etc' },
      { name: 'a/x', data: 'x' },
    ]),
  },
  {
    // (through a lower layer's absolute link it is a warning: test/validators/image/layer-hostile.test.ts)
    name: 'entry written through a symlink of a lower layer that climbs out of the root',
    expect: { rules: { 'layout.layer.symlink-escape': 1 } },
    build: (dir) => {
      const w = new LayoutWriter(layoutOf(dir));
      w.imageOf([{ name: 'evil', type: '2', linkname: '../../../etc' }], [{ name: 'evil/x', data: 'x' }]);
      return { target: w.dir };
    },
  },
  { name: "hard link with '..'", expect: { rules: { 'layout.layer.hardlink-escape': 1 } }, build: oneLayer([{ name: 'x', type: '1', linkname: '../../etc/shadow' }]) },
  {
    name: 'hard link through an escaping symlink',
    expect: { rules: { 'layout.layer.hardlink-escape': 1 } },
    build: oneLayer([
      { name: 'evil', type: '2', linkname: '/etc' },
      { name: 'x', type: '1', linkname: 'evil/shadow' },
    ]),
  },
  {
    name: 'layer entries named by 1 MiB pax paths',
    expect: { rules: { 'layout.layer.path-too-long': 1 } },
    build: async (dir) => {
      const w = new LayoutWriter(layoutOf(dir));
      // 400 names of about 1 MB (a pax record's limit is 1 MiB): 400 MB of names, more than the 256 MiB heap the run is given
      w.index([w.image([await w.streamedLayer(longNameEntries(400, 1_000_000), 1)])]);
      return { target: w.dir };
    },
  },
  {
    name: 'decompression bomb layer (gzip -9 of 600 MiB of zeros: 600 KiB)',
    expect: { rules: { 'layout.layer.decompression-ratio': 1 } },
    build: async (dir) => {
      const w = new LayoutWriter(layoutOf(dir));
      w.index([w.image([await w.streamedLayer(zerosTar(600 * 1024 ** 2), 9)])]);
      return { target: w.dir };
    },
  },
  {
    name: 'layer with duplicate entries',
    expect: { rules: { 'layout.layer.duplicate-entry': 1 } },
    build: oneLayer([
      { name: 'etc/passwd', data: 'root:x:0:0::/root:/bin/sh\n' },
      { name: 'etc/passwd', data: 'evil::0:0::/:/bin/sh\n' },
    ]),
  },
  // --- the layout's own files
  {
    name: 'symlinked blob',
    expect: { rules: { 'layout.symlink': 1 } },
    absent: ['layout.blob.unreferenced'],
    build: (dir, outside) => {
      const { w, manifest, refused } = withManifest(dir);
      const copy = join(outside, 'manifest.json');
      writeFileSync(copy, readFileSync(manifest));
      rmSync(manifest);
      symlinkSync(copy, manifest);
      return { target: w.dir, refused };
    },
  },
  {
    name: 'blob that is a FIFO (no writer: must not hang)',
    expect: { rules: { 'layout.blob.not-file': 1 } },
    absent: ['layout.blob.unreferenced'],
    build: (dir) => {
      const { w, manifest, refused } = withManifest(dir);
      rmSync(manifest);
      mkfifo(manifest);
      return { target: w.dir, refused };
    },
  },
  {
    name: 'index.json as a symlink out of the layout',
    expect: { rules: { 'layout.symlink': 1 } },
    build: (dir, outside) => {
      const { w } = withManifest(dir);
      const copy = join(outside, 'index.json');
      writeFileSync(copy, readFileSync(join(w.dir, 'index.json')));
      rmSync(join(w.dir, 'index.json'));
      symlinkSync(copy, join(w.dir, 'index.json'));
      return { target: w.dir };
    },
  },
  {
    name: 'blobs/sha256 as a symlink to /',
    expect: { rules: { 'layout.symlink': 1 } },
    build: (dir) => {
      const { w } = withManifest(dir);
      rmSync(w.blobs, { recursive: true });
      symlinkSync('/', w.blobs);
      return { target: w.dir };
    },
  },
  {
    name: '10,000 manifests in an index (none there, --complete)',
    expect: { rules: { 'layout.blob.missing': 10_000 } },
    build: (dir) => {
      const w = new LayoutWriter(layoutOf(dir));
      w.index(Array.from({ length: 10_000 }, (_, i) => missingManifest(i)));
      return { target: w.dir, args: ['--complete'] };
    },
  },
  {
    name: 'indexes nested 1,000 deep',
    expect: { rules: { 'layout.walk.too-deep': 1 } },
    build: (dir) => {
      const w = new LayoutWriter(layoutOf(dir));
      let d: Desc = w.imageOf([{ name: 'hello', data: 'hi' }]);
      for (let i = 0; i < 1000; i++) d = w.json({ schemaVersion: 2, mediaType: MT.index, manifests: [d] }, MT.index);
      w.index([d]);
      return { target: w.dir };
    },
  },
  {
    name: 'a cycle of indexes (a blob stored under a digest that names itself)',
    expect: { rules: { 'layout.walk.cycle': 1 } },
    build: (dir) => {
      const w = new LayoutWriter(layoutOf(dir));
      const self = sha256('the cycle');
      const doc = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.index, manifests: [{ mediaType: MT.index, digest: self, size: 0 }] }));
      writeFileSync(w.path(self), doc);
      w.index([{ mediaType: MT.index, digest: self, size: doc.length }]);
      return { target: w.dir };
    },
  },
  // --- layout archives
  {
    name: "layout archive with '../' member names",
    expect: { rules: { 'layout.archive.unsafe-path': 2 } },
    build: (dir) => {
      const { w } = withManifest(dir);
      const tar = join(dir, 'layout.tar');
      writeFileSync(tar, writeTar([...layoutEntries(w.dir), { name: '../evil', data: 'x' }, { name: 'blobs/../../etc/x', data: 'x' }]));
      rmSync(w.dir, { recursive: true });
      return { target: tar };
    },
  },
  {
    name: 'layout archive with duplicate members',
    expect: { rules: { 'layout.archive.duplicate-entry': 1 } },
    build: (dir) => {
      const { w } = withManifest(dir);
      const tar = join(dir, 'layout.tar');
      const entries = layoutEntries(w.dir);
      writeFileSync(tar, writeTar([...entries, { name: 'index.json', data: '{"schemaVersion":2,"manifests":[]}' }]));
      rmSync(w.dir, { recursive: true });
      return { target: tar };
    },
  },
  {
    name: 'layout archive whose manifest blob is a device node',
    expect: { rules: { 'layout.blob.not-file': 1 } },
    absent: ['layout.blob.unreferenced'],
    build: (dir) => {
      const { w, refused } = withManifest(dir);
      const tar = join(dir, 'layout.tar');
      writeFileSync(tar, writeTar(layoutEntries(w.dir).map((e) => (e.name === refused ? { name: refused, type: '3' } : e))));
      rmSync(w.dir, { recursive: true });
      return { target: tar, refused };
    },
  },
  {
    name: 'layout archive that is a decompression bomb (tar.gz)',
    expect: { inputError: 'OCI_INPUT_TOO_LARGE' },
    build: async (dir) => {
      const w = new LayoutWriter(layoutOf(dir));
      const head = [
        { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
        { name: 'index.json', data: JSON.stringify({ schemaVersion: 2, mediaType: MT.index, manifests: [] }) },
      ];
      const gz = await w.streamedLayer(zerosTar(600 * 1024 ** 2, head), 9);
      const target = join(dir, 'bomb.tar.gz');
      renameSync(w.path(gz), target);
      return { target };
    },
  },
  // --- bundles
  {
    name: 'bundle whose config.json is a FIFO (no writer: must not hang)',
    expect: { inputError: 'OCI_INPUT_UNREADABLE' },
    build: (dir) => {
      const bundle = join(dir, 'bundle');
      mkdirSync(join(bundle, 'rootfs'), { recursive: true });
      mkfifo(join(bundle, 'config.json'));
      return { target: bundle };
    },
  },
];
