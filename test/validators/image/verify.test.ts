/** The blob sink: digests of the blob and of its uncompressed tar, whatever compression it really has. */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BlobVerifier, DecompressionBudget } from '../../../validators/image/verify.js';
import { writeTar, zstdStored } from '../../corpus/image/layouts/tar-writer.js';

const hasZstd = spawnSync('sh', ['-c', 'command -v zstd']).status === 0;
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const tar = writeTar([
  { name: 'dir/', type: '5' },
  { name: 'dir/random', data: randomBytes(300_000) },
  { name: 'dir/text', data: 'hello '.repeat(50_000) },
]);

async function verify(blob: Buffer, chunk = 65_536, limit = 1 << 30): Promise<BlobVerifier> {
  const v = new BlobVerifier('sha256', { diffAlgorithms: new Map([['sha256', 'sha256']]), budget: new DecompressionBudget(limit) });
  for (let i = 0; i < blob.length; i += chunk) await v.write(blob.subarray(i, i + chunk));
  await v.end();
  return v;
}

describe('BlobVerifier', () => {
  const cases: Array<[string, () => Buffer, string]> = [
    ['plain tar', () => tar, 'none'],
    ['gzip', () => gzipSync(tar), 'gzip'],
    ['gzip in two members', () => Buffer.concat([gzipSync(tar.subarray(0, 100_000)), gzipSync(tar.subarray(100_000))]), 'gzip'],
    ['zstd stored blocks', () => zstdStored(tar), 'zstd'],
  ];
  if (hasZstd) cases.push(['zstd -19 (the zstd tool)', () => spawnSync('zstd', ['-19', '-c', '-q'], { input: tar }).stdout, 'zstd']);

  it.each(cases)('%s: blob digest, diff_id of the tar, names seen', async (_name, make, compression) => {
    const blob = make();
    for (const chunk of [97, 3000, 1 << 20]) {
      const v = await verify(blob, chunk);
      expect(v.outcome.size).toBe(blob.length);
      expect(v.outcome.digest).toBe(sha(blob));
      const l = v.outcome.layer!;
      expect(l.compression).toBe(compression);
      expect(l.decompressError).toBeUndefined();
      expect(l.inspector.tarError).toBeUndefined();
      expect(l.diffIds.get('sha256')).toBe(sha(tar));
      expect([...l.inspector.summary.entries.keys()]).toEqual(['dir', 'dir/random', 'dir/text']);
    }
  });

  it('stops at the budget and says so, without a diff_id', async () => {
    const v = await verify(gzipSync(Buffer.alloc(8 * 1024 * 1024)), 65_536, 1024 * 1024);
    expect(v.outcome.layer!.limitExceeded).toBe(true);
    expect(v.outcome.layer!.diffIds.size).toBe(0);
    expect(v.outcome.digest).toBeDefined();
  });

  it('reports corrupt gzip data', async () => {
    const gz = gzipSync(tar);
    const mid = gz.length >> 1;
    gz[mid] = gz[mid]! ^ 0xff;
    const v = await verify(gz);
    expect(v.outcome.layer!.decompressError).toBeDefined();
  });
});
