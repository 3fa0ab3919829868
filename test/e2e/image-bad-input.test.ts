/**
 * Archives and directories that are not (readable) image layouts: one line
 * naming the file and the reason, exit 2, no stack trace; and validating a
 * layout changes nothing on disk.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, snapshot } from './helpers.js';
import { writeTar, zstdStored } from '../corpus/image/layouts/tar-writer.js';
import { archiveLayout, buildLayout } from '../corpus/image/layouts/builder.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oci-image-bad-'));
  writeFileSync(join(dir, 'plain.tar'), writeTar([{ name: 'hello.txt', data: 'hi' }]));
  writeFileSync(join(dir, 'layout.tar.zst'), zstdStored(writeTar([{ name: 'oci-layout', data: '{}' }])));
  writeFileSync(join(dir, 'nested.tar'), writeTar([{ name: 'img/oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' }, { name: 'img/index.json', data: '{}' }]));
  const tar = writeTar([{ name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' }, { name: 'index.json', data: 'x'.repeat(5000) }]);
  writeFileSync(join(dir, 'truncated.tar'), tar.subarray(0, 2048));
  writeFileSync(join(dir, 'corrupt.tar.gz'), Buffer.concat([gzipSync(tar).subarray(0, 40), Buffer.alloc(200, 0x55)]));
  writeFileSync(join(dir, 'bomb.tar.gz'), gzipSync(writeTar([{ name: 'oci-layout', data: Buffer.alloc(32 * 1024 * 1024) }])));
  buildLayout(
    {
      blobs: {
        l1: { layer: [{ name: 'a', data: 'a' }] },
        config: { config: ['l1'] },
        manifest: { manifest: { config: 'config', layers: ['l1'] } },
      },
      index: { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{ $ref: 'manifest', size: 3 }] },
    },
    join(dir, 'layout'),
    join(dir, 'outside'),
  );
  writeFileSync(join(dir, 'layout.tar'), archiveLayout(join(dir, 'layout'), false));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('oci-validate on archives that are not layouts', () => {
  it.each([
    ['plain.tar', /plain\.tar: is a tar archive but not an OCI image layout/],
    ['nested.tar', /nested\.tar: is a tar archive but not an OCI image layout .*there is one under 'img\/'/],
    ['layout.tar.zst', /layout\.tar\.zst: is zstd-compressed; .*decompress it first/],
    ['truncated.tar', /truncated\.tar: not a readable tar archive: .*truncated/],
    ['corrupt.tar.gz', /corrupt\.tar\.gz: cannot decompress/],
    ['bomb.tar.gz', /bomb\.tar\.gz: decompresses to more than 1048576 bytes/],
  ])('%s: one line, exit 2', (name, message) => {
    const r = runCli('oci-validate', ['--max-decompressed-bytes', '1048576', join(dir, name)]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('oci-validate on a layout', () => {
  it('writes nothing into the layout it checks, and points at the descriptor by line:column', () => {
    const before = snapshot(join(dir, 'layout'));
    const r = runCli('oci-validate', [join(dir, 'layout')]);
    expect(snapshot(join(dir, 'layout'))).toBe(before);
    expect(r.code).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.includes('[layout.blob.size-mismatch]'))!;
    const m = /^(.*index\.json):(\d+):(\d+): error /.exec(line);
    expect(m).not.toBeNull();
    const text = readFileSync(join(dir, 'layout', 'index.json'), 'utf8').split('\n');
    expect(text[Number(m![2]) - 1]!.slice(Number(m![3]) - 1)).toMatch(/^3,?$/);
  });

  it('names files inside an archive as archive:path', () => {
    const r = runCli('oci-validate', ['--format', 'json', join(dir, 'layout.tar')]);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout) as { documents: Array<{ file: string; diagnostics: Array<{ rule: string; line: number }> }> };
    const d = rep.documents.find((x) => x.diagnostics.some((y) => y.rule === 'layout.blob.size-mismatch'))!;
    expect(d.file).toBe(`${join(dir, 'layout.tar')}:index.json`);
  });
});
