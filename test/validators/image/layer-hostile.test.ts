/**
 * The layer inspector and the layer stack on hostile entries (issue 13):
 * entries written through symbolic links that lead out of the root (in the
 * layer, across layers, through chains), names longer than PATH_MAX, the
 * run-wide budget of kept names; and the walker's findings at scale.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayerInspector, MAX_PATH_BYTES, NameBudget } from '../../../validators/image/layer/inspect.js';
import { checkStack } from '../../../validators/image/layer/stack.js';
import { validatePath } from '../../../validators/inputs.js';
import type { TarSpecEntry } from '../../corpus/image/layouts/tar-writer.js';
import { writeTar } from '../../corpus/image/layouts/tar-writer.js';
import { MT, missingManifest } from '../../corpus/image/hostile.js';

function inspect(entries: readonly TarSpecEntry[], budget?: NameBudget): LayerInspector {
  const i = new LayerInspector(budget);
  i.feed(writeTar(entries));
  i.finish();
  expect(i.tarError).toBeUndefined();
  return i;
}

const rules = (i: LayerInspector): string[] => i.findings.map((f) => f.rule);

describe('entries written through symbolic links', () => {
  it.each([
    ['an absolute link', [{ name: 'evil', type: '2', linkname: '/etc' }, { name: 'evil/x' }]],
    ['a relative link that climbs out', [{ name: 'a/', type: '5' }, { name: 'a/up', type: '2', linkname: '../..' }, { name: 'a/up/x' }]],
    ['a link to the root\'s parent from the root', [{ name: 'up', type: '2', linkname: '..' }, { name: 'up/etc/passwd' }]],
    ['a chain: a -> b, b -> /etc', [{ name: 'a', type: '2', linkname: 'b' }, { name: 'b', type: '2', linkname: '/etc' }, { name: 'a/x' }]],
    ['a link inside a link: d -> sub, sub/out -> ../../..', [{ name: 'sub/', type: '5' }, { name: 'sub/out', type: '2', linkname: '../../..' }, { name: 'd', type: '2', linkname: 'sub' }, { name: 'd/out/x' }]],
    ['a directory entry through it', [{ name: 'evil', type: '2', linkname: '/' }, { name: 'evil/etc/', type: '5' }]],
    ['a symlink entry through it', [{ name: 'evil', type: '2', linkname: '/etc' }, { name: 'evil/cron', type: '2', linkname: 'x' }]],
    ['a whiteout through it (removes /etc/passwd)', [{ name: 'evil', type: '2', linkname: '/etc' }, { name: 'evil/.wh.passwd' }]],
  ] as const)('%s: symlink-escape', (_what, entries) => {
    expect(rules(inspect(entries))).toEqual(['layout.layer.symlink-escape']);
  });

  it.each([
    ['a link that stays inside', [{ name: 'usr/lib/', type: '5' }, { name: 'lib', type: '2', linkname: 'usr/lib' }, { name: 'lib/x' }]],
    ['a relative link climbing no higher than the root', [{ name: 'a/b/', type: '5' }, { name: 'a/b/up', type: '2', linkname: '../..' }, { name: 'a/b/up/x' }]],
    ['an absolute link nothing is written through', [{ name: 'etc/localtime', type: '2', linkname: '/usr/share/zoneinfo/UTC' }, { name: 'etc/hostname' }]],
    ['the entry before the link', [{ name: 'evil/x' }, { name: 'other', type: '2', linkname: '/etc' }]],
    ['a link replaced by a directory', [{ name: 'evil', type: '2', linkname: '/etc' }, { name: 'evil', type: '5' }, { name: 'evil/x' }]],
    ['a loop of links (ELOOP: nothing written)', [{ name: 'a', type: '2', linkname: 'b' }, { name: 'b', type: '2', linkname: 'a' }, { name: 'a/x' }]],
  ] as const)('%s: no escape', (_what, entries) => {
    expect(rules(inspect(entries)).filter((r) => r !== 'layout.layer.duplicate-entry')).toEqual([]);
  });

  it('a hard link whose target path goes through an escaping link', () => {
    expect(rules(inspect([{ name: 'evil', type: '2', linkname: '/etc' }, { name: 'x', type: '1', linkname: 'evil/shadow' }]))).toEqual(['layout.layer.hardlink-escape']);
  });

  it('across layers: a lower layer\'s link, an upper layer\'s entry through it', () => {
    const lower = inspect([{ name: 'evil', type: '2', linkname: '/etc' }]);
    const upper = inspect([{ name: 'evil/x' }, { name: 'y', type: '1', linkname: 'evil/shadow' }]);
    expect(rules(lower)).toEqual([]);
    expect(rules(upper)).toEqual([]);
    const out = checkStack([lower.summary, upper.summary]);
    // an absolute target: a warning (an extractor that resolves links inside the rootfs writes under the root)
    expect(out.get(1)?.map((f) => [f.rule, f.entry, f.level])).toEqual([
      ['layout.layer.hardlink-escape', 'y', 'SHOULD'],
      ['layout.layer.symlink-escape', 'evil/x', 'SHOULD'],
    ]);
  });

  it('across layers: a lower layer\'s link that climbs above the root with .. is an error (the check\'s own level)', () => {
    const lower = inspect([{ name: 'a', type: '5' }, { name: 'a/up', type: '2', linkname: '../../etc' }]);
    const upper = inspect([{ name: 'a/up/x' }]);
    expect(checkStack([lower.summary, upper.summary]).get(1)?.map((f) => [f.rule, f.entry, f.level])).toEqual([['layout.layer.symlink-escape', 'a/up/x', undefined]]);
  });

  it('across layers: not when the upper layer replaces the link, or a whiteout removes it', () => {
    const lower = inspect([{ name: 'evil', type: '2', linkname: '/etc' }]);
    const replaced = inspect([{ name: 'evil', type: '5' }, { name: 'evil/x' }]);
    expect(checkStack([lower.summary, replaced.summary]).get(1) ?? []).toEqual([]);
    const removed = inspect([{ name: '.wh.evil' }]);
    const after = inspect([{ name: 'evil/x' }]);
    expect(checkStack([lower.summary, removed.summary, after.summary]).get(2) ?? []).toEqual([]);
  });

  it('across layers: at most 20 findings of a rule per layer, the rest counted', () => {
    const lower = inspect([{ name: 'evil', type: '2', linkname: '/etc' }]);
    const upper = inspect(Array.from({ length: 50 }, (_, i) => ({ name: `evil/${i}` })));
    const fs = checkStack([lower.summary, upper.summary]).get(1)!;
    expect(fs.filter((f) => f.rule === 'layout.layer.symlink-escape')).toHaveLength(20);
    expect(fs.find((f) => f.rule === 'layout.layer.more-findings')?.message).toMatch(/^30 more findings of layout\.layer\.symlink-escape/);
  });
});

describe('names', () => {
  it('a name longer than PATH_MAX is refused, not kept, and its message is short', () => {
    const long = `${'d/'.repeat(MAX_PATH_BYTES)}x`;
    const i = inspect([{ name: long }, { name: 'ok', type: '1', linkname: long }, { name: 'fine' }]);
    expect(rules(i)).toEqual(['layout.layer.path-too-long', 'layout.layer.path-too-long']);
    expect([...i.summary.entries.keys()]).toEqual(['fine']);
    for (const f of i.findings) expect(f.message.length).toBeLessThan(400);
  });

  it('a name of exactly PATH_MAX - 1 bytes is kept', () => {
    const name = 'a'.repeat(MAX_PATH_BYTES);
    expect(rules(inspect([{ name }]))).toEqual([]);
  });

  it('the names budget is shared by the layers of a run; past it names are not kept and the stack does not guess', () => {
    const budget = new NameBudget(64 * 10 + 100);
    const a = inspect(Array.from({ length: 5 }, (_, i) => ({ name: `a${i}` })), budget);
    expect(rules(a)).toEqual([]);
    const b = inspect(Array.from({ length: 10 }, (_, i) => ({ name: `b${i}` })), budget);
    expect(rules(b)).toEqual(['layout.layer.names-limit']);
    expect(b.summary.incomplete).toBe(true);
    expect(b.summary.entries.size).toBeLessThan(10);
    // a hard link above an incomplete layer to a name it may have had: not called missing
    const c = inspect([{ name: 'x', type: '1', linkname: 'b9' }], new NameBudget());
    expect(checkStack([a.summary, b.summary, c.summary]).get(2) ?? []).toEqual([]);
  });
});

describe('layout findings at scale', () => {
  // made when the tests run, not when they are collected: a filtered run leaves nothing behind
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'oci-layer-hostile-'));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('an index of 100,000 manifests that are not there: 100,000 findings (adding one is O(1))', async () => {
    const dir = join(work, 'many');
    mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
    writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    const manifests = Array.from({ length: 100_000 }, (_, i) => missingManifest(i));
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: MT.index, manifests }));
    const results = await validatePath(dir, { complete: true, maxBytes: 64 * 1024 * 1024 });
    const index = results.find((r) => r.file === join(dir, 'index.json'))!;
    const missing = index.diagnostics.filter((d) => d.rule === 'layout.blob.missing');
    expect(missing).toHaveLength(100_000);
    expect(new Set(missing.map((d) => d.pointer)).size).toBe(100_000);
    expect(missing.every((d) => d.severity === 'error')).toBe(true);
  }, 300_000);
});
