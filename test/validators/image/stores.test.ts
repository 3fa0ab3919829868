/** The content stores: what they refuse (links, escaping names), and that every store hands out the same bytes. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OciError } from '../../../core/errors.js';
import { DirStore } from '../../../validators/image/store/dir.js';
import type { ContentStore } from '../../../validators/image/store/store.js';
import { TarFileStore } from '../../../validators/image/store/tar-file.js';
import { TarGzipStore } from '../../../validators/image/store/tar-gzip.js';
import { writeTar } from '../../corpus/image/layouts/tar-writer.js';

let work: string;
const big = Buffer.alloc(3 * 1024 * 1024, 'j'); // over the gzip store's in-memory limit per file
const ENTRIES = [
  { name: './oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
  { name: './blobs/sha256/aaaa', data: 'small' },
  { name: './blobs/sha256/bbbb', data: big },
  { name: './blobs/sha256/link', type: '2', linkname: '/etc/passwd' },
  { name: './blobs/sha256/hard', type: '1', linkname: 'blobs/sha256/aaaa' },
  { name: '../escape', data: 'x' },
  { name: '/abs', data: 'y' },
];

async function collect(store: ContentStore, paths: string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer[]>();
  await store.stream(
    paths.map((path) => ({
      path,
      sink: {
        write: (c: Buffer) => void out.set(path, [...(out.get(path) ?? []), Buffer.from(c)]),
        end: () => void out.set(path, out.get(path) ?? []),
        fail: (r: string) => {
          throw new Error(r);
        },
      },
    })),
    2,
  );
  return new Map([...out].map(([k, v]) => [k, Buffer.concat(v)]));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'oci-stores-'));
  writeFileSync(join(work, 'l.tar'), writeTar(ENTRIES));
  writeFileSync(join(work, 'l.tar.gz'), gzipSync(writeTar(ENTRIES)));
  writeFileSync(join(work, 'bomb.tar.gz'), gzipSync(writeTar([{ name: 'z', data: Buffer.alloc(4 * 1024 * 1024) }])));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(['tar', 'tgz'] as const)('archive store (%s)', (form) => {
  const open = async (): Promise<TarFileStore | TarGzipStore> =>
    form === 'tar' ? TarFileStore.open(join(work, 'l.tar'), 'l.tar') : TarGzipStore.open(join(work, 'l.tar.gz'), 'l.tar.gz', 1 << 30);

  it("normalises './' names, implies directories, refuses links and escaping names", async () => {
    const s = await open();
    expect(s.stat('oci-layout')).toEqual({ kind: 'file', size: 30 });
    expect(s.hasDir('blobs/sha256')).toBe(true);
    expect(s.stat('blobs/sha256/link').kind).toBe('link');
    expect(s.stat('blobs/sha256/hard').kind).toBe('link');
    expect(s.stat('blobs/sha256/none').kind).toBe('missing');
    expect([...(s.escaping ?? [])].sort()).toEqual(['../escape', '/abs']);
    expect(s.label('oci-layout')).toMatch(/^l\.tar(\.gz)?:oci-layout$/);
    if (s instanceof TarFileStore) await s.close();
  });

  it('hands out the exact bytes, small and large, by readSmall and by stream', async () => {
    const s = await open();
    expect((await s.readSmall('blobs/sha256/aaaa')).toString()).toBe('small');
    expect((await s.readSmall('blobs/sha256/bbbb')).equals(big)).toBe(true);
    const got = await collect(s, ['blobs/sha256/bbbb', 'blobs/sha256/aaaa']);
    expect(got.get('blobs/sha256/aaaa')!.toString()).toBe('small');
    expect(got.get('blobs/sha256/bbbb')!.equals(big)).toBe(true);
    if (s instanceof TarFileStore) await s.close();
  });
});

describe.each(['tar', 'tgz'] as const)('an archive with a name twice (%s)', (form) => {
  it('reads the last entry of the name, by stat, readSmall and stream, and lists the name as a duplicate', async () => {
    const tar = writeTar([
      { name: 'blobs/sha256/x', data: 'first' },
      { name: 'blobs/sha256/x', data: big },
      { name: 'blobs/sha256/y', data: big },
      { name: 'blobs/sha256/y', data: 'second' },
    ]);
    const file = join(work, `dup.${form}`);
    writeFileSync(file, form === 'tgz' ? gzipSync(tar) : tar);
    const s = form === 'tar' ? await TarFileStore.open(file, 'dup') : await TarGzipStore.open(file, 'dup', 1 << 30);
    expect([...(s.duplicates ?? [])].sort()).toEqual(['blobs/sha256/x', 'blobs/sha256/y']);
    expect(s.stat('blobs/sha256/x')).toEqual({ kind: 'file', size: big.length });
    expect((await s.readSmall('blobs/sha256/x')).equals(big)).toBe(true);
    expect((await s.readSmall('blobs/sha256/y')).toString()).toBe('second');
    const got = await collect(s, ['blobs/sha256/x', 'blobs/sha256/y']);
    expect(got.get('blobs/sha256/x')!.equals(big)).toBe(true);
    expect(got.get('blobs/sha256/y')!.toString()).toBe('second');
    if (s instanceof TarFileStore) await s.close();
  });
});

describe('gzip archive store', () => {
  it('stops at the decompression limit with a one-line error of its own', async () => {
    const e = await TarGzipStore.open(join(work, 'bomb.tar.gz'), 'bomb.tar.gz', 1024 * 1024).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OciError);
    expect((e as OciError).code).toBe('OCI_INPUT_TOO_LARGE');
    expect((e as OciError).message).toMatch(/^bomb\.tar\.gz: decompresses to more than 1048576 bytes/);
  });
});

describe('directory store', () => {
  it('refuses a blob under a symlinked directory and a symlinked blob, and never follows them', () => {
    const d = join(work, 'dir');
    mkdirSync(join(d, 'blobs'), { recursive: true });
    mkdirSync(join(work, 'elsewhere'), { recursive: true });
    writeFileSync(join(work, 'elsewhere', 'x'), 'outside');
    symlinkSync(join(work, 'elsewhere'), join(d, 'blobs', 'sha256'));
    mkdirSync(join(d, 'blobs', 'sha512'));
    symlinkSync(join(work, 'elsewhere', 'x'), join(d, 'blobs', 'sha512', 'y'));
    const s = new DirStore(d, 'dir');
    expect(s.stat('blobs/sha256/x')).toEqual({ kind: 'link', what: 'under a symbolic link (blobs/sha256)' });
    expect(s.stat('blobs/sha512/y')).toEqual({ kind: 'link', what: 'a symbolic link' });
    expect(s.stat('blobs/../../etc/passwd').kind).toBe('not-file');
    expect(s.listBlobs().map((l) => [l.path, l.stat.kind])).toEqual([
      ['blobs/sha256', 'link'],
      ['blobs/sha512', 'dir'],
      ['blobs/sha512/y', 'link'],
    ]);
  });
});

describe('streaming many chunks through a sink (buffers are reused between reads)', () => {
  it.each(['gzip', 'zstd', 'none'] as const)('a %s layer larger than several chunks gives the right digests', async (compression) => {
    const { createHash, randomBytes } = await import('node:crypto');
    const { BlobVerifier, DecompressionBudget } = await import('../../../validators/image/verify.js');
    const { zstdStored } = await import('../../corpus/image/layouts/tar-writer.js');
    const tar = writeTar([{ name: 'r', data: randomBytes(9 * 1024 * 1024) }, { name: 'z', data: Buffer.alloc(3 * 1024 * 1024, 1) }]);
    const blob = compression === 'gzip' ? gzipSync(tar) : compression === 'zstd' ? zstdStored(tar) : tar;
    const d = join(work, `chunks-${compression}`);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'blob'), blob);
    writeFileSync(join(d, 'l.tar'), writeTar([{ name: 'blob', data: blob }]));
    const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    for (const store of [new DirStore(d, 'd'), await TarFileStore.open(join(d, 'l.tar'), 'l.tar')]) {
      const v = new BlobVerifier('sha256', { diffAlgorithms: new Map([['sha256', 'sha256']]), budget: new DecompressionBudget(1 << 30) });
      await store.stream([{ path: 'blob', sink: v }], 1);
      expect(v.outcome.digest).toBe(sha(blob));
      expect(v.outcome.layer!.diffIds.get('sha256')).toBe(sha(tar));
      expect([...v.outcome.layer!.inspector.summary.entries.keys()]).toEqual(['r', 'z']);
      if (store instanceof TarFileStore) await store.close();
    }
  });
});
