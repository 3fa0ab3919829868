/**
 * Memory stays bounded on multi-gigabyte layers: a 2 GiB uncompressed layer
 * and a gzip layer that inflates to 1 GiB are verified (digest, diff_id, tar
 * inspection) by the CLI with a peak RSS under 200 MiB, as /usr/bin/time sees it.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const TIME = '/usr/bin/time';
const GiB = 1024 ** 3;
let dir: string;

function sha256File(path: string): string {
  const h = createHash('sha256');
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
  closeSync(fd);
  return `sha256:${h.digest('hex')}`;
}

/** A gzip stream of `size` zero bytes, written to `path`; returns the sha256 of the zeros. */
async function gzipZeros(path: string, size: number): Promise<string> {
  const fd = openSync(path, 'w');
  const gz = createGzip({ level: 1, strategy: constants.Z_DEFAULT_STRATEGY });
  gz.on('data', (c: Buffer) => writeSync(fd, c));
  const done = new Promise<void>((resolve) => gz.on('end', resolve));
  const zeros = Buffer.alloc(4 * 1024 * 1024);
  const h = createHash('sha256');
  for (let left = size; left > 0; left -= zeros.length) {
    const part = left >= zeros.length ? zeros : zeros.subarray(0, left);
    h.update(part);
    if (!gz.write(part)) await new Promise((r) => gz.once('drain', r));
  }
  gz.end();
  await done;
  closeSync(fd);
  return `sha256:${h.digest('hex')}`;
}

/** Moves a file into blobs/ under its digest. */
function put(blobs: string, tmp: string): { digest: string; size: number } {
  const digest = sha256File(tmp);
  const size = statSync(tmp).size;
  renameSync(tmp, join(blobs, digest.slice(7)));
  return { digest, size };
}

function putJson(blobs: string, doc: unknown): { digest: string; size: number } {
  const b = Buffer.from(JSON.stringify(doc));
  const digest = `sha256:${createHash('sha256').update(b).digest('hex')}`;
  writeFileSync(join(blobs, digest.slice(7)), b);
  return { digest, size: b.length };
}

beforeAll(async () => {
  if (!existsSync(TIME)) return;
  dir = mkdtempSync(join(tmpdir(), 'oci-image-memory-'));
  const blobs = join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  // 2 GiB of zeros: an empty tar archive (end marker) padded with zeros, as a sparse file
  const plainTmp = join(dir, 'plain.tmp');
  const fd = openSync(plainTmp, 'w');
  ftruncateSync(fd, 2 * GiB);
  closeSync(fd);
  const plain = put(blobs, plainTmp);
  const gzTmp = join(dir, 'gz.tmp');
  const gzDiff = await gzipZeros(gzTmp, GiB);
  const gz = put(blobs, gzTmp);
  const config = putJson(blobs, { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [plain.digest, gzDiff] } });
  const manifest = putJson(blobs, {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: [
      { mediaType: 'application/vnd.oci.image.layer.v1.tar', ...plain },
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...gz },
    ],
  });
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, platform: { architecture: 'amd64', os: 'linux' } }],
    }),
  );
}, 300_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(TIME))(`memory on large layers (needs ${TIME})`, () => {
  it('verifies 3 GiB of layer data with a peak RSS under 200 MiB', () => {
    const r = runCli('oci-validate', ['--format', 'json', dir], { prefix: [TIME, '-f', 'maxrss-kib=%M'] });
    const rep = JSON.parse(r.stdout) as { summary: { errors: number }; documents: Array<{ kind: string | null }> };
    expect(rep.summary.errors).toBe(0);
    expect(r.code).toBe(0);
    expect(rep.documents.filter((d) => d.kind === 'layer')).toHaveLength(2);
    const kib = Number(/maxrss-kib=(\d+)/.exec(r.stderr)?.[1]);
    expect(kib).toBeGreaterThan(0);
    console.log(`oci-validate peak RSS on 3 GiB of layers: ${(kib / 1024).toFixed(0)} MiB`);
    expect(kib).toBeLessThan(200 * 1024);
  });
});
