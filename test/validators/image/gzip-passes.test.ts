/** A gzip layout archive is decompressed once when the first reading answers everything, twice only when it cannot. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateLayout } from '../../../validators/image/layout.js';
import { TarGzipStore } from '../../../validators/image/store/tar-gzip.js';
import type { LayoutSpec } from '../../corpus/image/layouts/builder.js';
import { archiveLayout, buildLayout } from '../../corpus/image/layouts/builder.js';
import { writeTar } from '../../corpus/image/layouts/tar-writer.js';

const work = mkdtempSync(join(tmpdir(), 'oci-gzip-passes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(name: string, spec: LayoutSpec): Promise<{ passes: number; errors: string[] }> {
  const dir = join(work, name);
  buildLayout(spec, dir, join(work, `${name}-outside`));
  const file = join(work, `${name}.tar.gz`);
  writeFileSync(file, archiveLayout(dir, true));
  const store = await TarGzipStore.open(file, name, 1 << 30);
  const results = await validateLayout(store);
  return { passes: store.passes, errors: results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.pointer}`)) };
}

const layer = { layer: [{ name: 'a', data: 'a'.repeat(5000) }] };
const manifest = { manifest: { config: 'config', layers: ['l1'] } };

describe('gzip layout archive passes', () => {
  it('an unreferenced bomb ahead of the real layer does not spend the real layer\'s budget', async () => {
    const dir = join(work, 'bomb-first');
    const paths = buildLayout(
      { blobs: { l1: layer, config: { config: ['l1'] }, manifest, bomb: { zeros: 4 * 1024 * 1024, compression: 'gzip' } } },
      dir,
      join(work, 'bomb-outside'),
    );
    // the bomb first in the archive, the rest after it
    const bomb = paths.get('bomb')!;
    const rest = ['oci-layout', 'index.json', ...[...paths.values()].filter((p) => p !== bomb)];
    const tar = writeTar([bomb, ...rest].map((p) => ({ name: p, data: readFileSync(join(dir, p)) })));
    const file = join(work, 'bomb-first.tar.gz');
    writeFileSync(file, gzipSync(tar));
    const store = await TarGzipStore.open(file, 'bomb-first', 3 * 1024 * 1024);
    const results = await validateLayout(store, { maxDecompressedBytes: 3 * 1024 * 1024 });
    expect(results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    expect(store.passes).toBe(2);
  });

  it('one pass for a layout whose diff_ids are sha256, with the same findings as a directory', async () => {
    const ok = await run('ok', { blobs: { l1: layer, config: { config: ['l1'] }, manifest } });
    expect(ok).toEqual({ passes: 1, errors: [] });
    const bad = await run('bad', { blobs: { l1: layer, config: { config: ['l1'] }, manifest }, mutate: { l1: { flip: true } } });
    expect(bad.passes).toBe(1);
    expect(bad.errors.sort()).toEqual(['layout.blob.digest-mismatch /layers/0/digest', 'layout.layer.decompress-failed '].sort());
  });

  it('a second pass for a sha512 diff_id, which the first reading did not compute', async () => {
    const r = await run('sha512', {
      blobs: {
        l1: layer,
        config: {
          json: { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [`sha512:${'0'.repeat(128)}`] } },
          mediaType: 'application/vnd.oci.image.config.v1+json',
        },
        manifest,
      },
    });
    expect(r.passes).toBe(2);
    expect(r.errors).toEqual(['layout.config.diff-id-mismatch /rootfs/diff_ids/0']);
  });
});
