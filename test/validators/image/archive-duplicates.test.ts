/** A layout archive that holds a name twice: reported, and the last entry (the one tools extract) is the one checked. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { validatePath } from '../../../validators/inputs.js';
import { buildLayout } from '../../corpus/image/layouts/builder.js';
import type { TarSpecEntry } from '../../corpus/image/layouts/tar-writer.js';
import { writeTar } from '../../corpus/image/layouts/tar-writer.js';

const work = mkdtempSync(join(tmpdir(), 'oci-archive-dup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const dir = join(work, 'layout');
const paths = buildLayout(
  { blobs: { l1: { layer: [{ name: 'a', data: 'a' }] }, config: { config: ['l1'] }, manifest: { manifest: { config: 'config', layers: ['l1'] } } } },
  dir,
  join(work, 'outside'),
);
const config = paths.get('config')!;

function entries(): TarSpecEntry[] {
  const out: TarSpecEntry[] = [{ name: 'oci-layout', data: readFileSync(join(dir, 'oci-layout')) }, { name: 'index.json', data: readFileSync(join(dir, 'index.json')) }];
  for (const f of readdirSync(join(dir, 'blobs', 'sha256'))) out.push({ name: `blobs/sha256/${f}`, data: readFileSync(join(dir, 'blobs', 'sha256', f)) });
  return out;
}

async function findings(tar: Buffer, gz: boolean): Promise<string[]> {
  const file = join(work, gz ? 'l.tar.gz' : 'l.tar');
  writeFileSync(file, gz ? gzipSync(tar) : tar);
  const results = await validatePath(file);
  return results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.file.slice(file.length)} ${d.pointer}`)).sort();
}

describe.each([false, true])('archive with a duplicate blob name (gzip: %s)', (gz) => {
  it('a bad first copy and a good last one: only the duplicate is reported', async () => {
    const tar = writeTar([{ name: config, data: 'garbage' }, ...entries()]);
    expect(await findings(tar, gz)).toEqual(['layout.archive.duplicate-entry  ']);
  });

  it('a good first copy and a bad last one: the duplicate and the digest mismatch', async () => {
    const tar = writeTar([...entries(), { name: config, data: readFileSync(join(dir, config)).toString().replace('amd64', 'arm64') }]);
    expect(await findings(tar, gz)).toEqual(['layout.archive.duplicate-entry  ', `layout.blob.digest-mismatch :blobs/sha256/${paths.get('manifest')!.slice(13)} /config/digest`]);
  });
});
