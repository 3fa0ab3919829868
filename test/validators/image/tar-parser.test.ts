/** The incremental tar reader against archives written by GNU tar and by our test writer, fed in any chunking. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TarFormatError } from '../../../validators/image/tar/header.js';
import type { TarEntry } from '../../../validators/image/tar/parser.js';
import { TarParser } from '../../../validators/image/tar/parser.js';
import { writeTar } from '../../corpus/image/layouts/tar-writer.js';

function read(tar: Buffer, chunk: number): { entries: TarEntry[]; data: Map<string, string> } {
  const p = new TarParser();
  const entries: TarEntry[] = [];
  const data = new Map<string, string>();
  let cur = '';
  for (let i = 0; i < tar.length; i += chunk)
    for (const ev of p.push(tar.subarray(i, i + chunk))) {
      if (ev.kind === 'entry') {
        entries.push(ev.entry);
        cur = ev.entry.name;
        data.set(cur, '');
      } else if (ev.kind === 'data') data.set(cur, data.get(cur)! + ev.chunk.toString());
    }
  p.finish();
  return { entries, data };
}

const work = mkdtempSync(join(tmpdir(), 'oci-tar-parser-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('TarParser', () => {
  const long = `d/${'n'.repeat(150)}`;
  const tar = writeTar([
    { name: 'd/', type: '5' },
    { name: long, data: 'long name' },
    { name: 'd/link', type: '1', linkname: long },
    { name: 'd/sym', type: '2', linkname: '/etc/passwd' },
    { name: 'd/file', data: 'x'.repeat(1000) },
  ]);

  it.each([1, 7, 511, 512, 513, 100_000])('gives the same entries and data whatever the chunk size (%i)', (chunk) => {
    const { entries, data } = read(tar, chunk);
    expect(entries.map((e) => [e.name, e.type, e.linkname, e.size])).toEqual([
      ['d/', 'directory', '', 0],
      [long, 'file', '', 9],
      ['d/link', 'hardlink', long, 0],
      ['d/sym', 'symlink', '/etc/passwd', 0],
      ['d/file', 'file', '', 1000],
    ]);
    expect(data.get(long)).toBe('long name');
    expect(data.get('d/file')).toBe('x'.repeat(1000));
  });

  it('reads what GNU tar writes (long names, hard links)', () => {
    const src = join(work, 'src');
    mkdirSync(join(src, 'a'), { recursive: true });
    writeFileSync(join(src, 'a', 'f'.repeat(120)), 'gnu');
    spawnSync('ln', [join(src, 'a', 'f'.repeat(120)), join(src, 'a', 'hl')]);
    for (const format of ['gnu', 'pax', 'ustar']) {
      const out = join(work, `${format}.tar`);
      const r = spawnSync('tar', [`--format=${format}`, '-C', src, '-cf', out, '.']);
      if (format === 'ustar' && r.status !== 0) continue; // ustar cannot hold a 120-byte base name
      expect(r.status).toBe(0);
      const { entries, data } = read(readFileSync(out), 4096);
      const names = entries.map((e) => e.name).sort();
      expect(names).toEqual(['./', './a/', `./a/${'f'.repeat(120)}`, './a/hl'].sort());
      const file = entries.filter((e) => e.type === 'file');
      expect(file).toHaveLength(1);
      expect(data.get(file[0]!.name)).toBe('gnu');
      expect(entries.filter((e) => e.type === 'hardlink').map((e) => e.linkname)).toEqual([file[0]!.name]);
    }
  });

  it('reports a header with a bad checksum', () => {
    const bad = Buffer.from(tar);
    bad[0] = bad[0]! ^ 0x20;
    expect(() => read(bad, 512)).toThrow(TarFormatError);
  });

  it('reports an archive that stops inside an entry', () => {
    expect(() => read(tar.subarray(0, tar.length - 1024 - 600), 512)).toThrow(/truncated/);
  });

  it('reports an empty stream as no tar at all', () => {
    expect(() => read(Buffer.alloc(0), 512)).toThrow(/empty/);
  });

  it('reads a base-256 size field', () => {
    const t = Buffer.from(writeTar([{ name: 'f', data: 'abc' }]));
    t.fill(0, 124, 136);
    t[124] = 0x80;
    t[135] = 3;
    let sum = 0;
    t.write('        ', 148, 'latin1');
    for (let i = 0; i < 512; i++) sum += t[i]!;
    t.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    expect(read(t, 512).data.get('f')).toBe('abc');
  });
});
