/** The zstd frame guard passes what zstd writes and refuses frames that would make the decoder allocate too much. */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ZstdGuard } from '../../../validators/image/zstd-guard.js';
import { zstdStored } from '../../corpus/image/layouts/tar-writer.js';

const hasZstd = spawnSync('sh', ['-c', 'command -v zstd']).status === 0;

function feedAll(g: ZstdGuard, b: Buffer, chunk: number): string | undefined {
  for (let i = 0; i < b.length; i += chunk) {
    const r = g.feed(b.subarray(i, i + chunk));
    if (r !== undefined) return r;
  }
  return undefined;
}

describe('ZstdGuard', () => {
  it.each([1, 3, 4096])('accepts several frames of stored blocks, fed %i bytes at a time', (chunk) => {
    const data = randomBytes(300 * 1024);
    const two = Buffer.concat([zstdStored(data), zstdStored(data.subarray(0, 10))]);
    expect(feedAll(new ZstdGuard(), two, chunk)).toBeUndefined();
  });

  it.skipIf(!hasZstd)('accepts what the zstd tool writes (with checksums, from a pipe and from a file)', () => {
    const data = Buffer.concat([randomBytes(200_000), Buffer.alloc(500_000, 7)]);
    for (const args of [['-c', '-q'], ['-c', '-q', '-19', '--no-check'], ['-c', '-q', '--long=27']]) {
      const r = spawnSync('zstd', args, { input: data });
      expect(r.status).toBe(0);
      const g = new ZstdGuard();
      expect(feedAll(g, r.stdout, 777)).toBeUndefined();
      expect(g.window).toBeLessThanOrEqual(2 ** 27);
    }
  });

  it('refuses a window over the limit before passing the header on', () => {
    const frame = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0xa0, (5 << 3) | 1, 0, 0, 104, 101, 108, 108, 111]);
    expect(new ZstdGuard().feed(frame)).toMatch(/1073741824-byte window/);
  });

  it('refuses a single-segment frame that declares a huge content size', () => {
    const frame = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0xe0, 0, 0, 0, 0, 0x10, 0, 0, 0, (5 << 3) | 1, 0, 0]);
    expect(new ZstdGuard().feed(frame)).toMatch(/window/);
  });

  it('skips skippable frames', () => {
    const skippable = Buffer.from([0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 1, 2, 3]);
    expect(feedAll(new ZstdGuard(), Buffer.concat([skippable, zstdStored(Buffer.from('x'))]), 2)).toBeUndefined();
  });
});
