/** The one loader of code-cached scripts (core/code-cache.ts), on scripts written here. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeCacheAt, runScript, wrapScript } from '../../core/code-cache.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
  mkdirSync(join(dir, 'sub'));
  // counts its runs in a global of this test, so that running once is observable
  writeFileSync(
    join(dir, 'sub', 'twice.js'),
    wrapScript('globalThis.__codeCacheRuns = (globalThis.__codeCacheRuns ?? 0) + 1;\nmodule.exports = { twice: (n) => 2 * n, file: __filename, os: typeof require("node:os").tmpdir };'),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runScript', () => {
  it("gives the script's module.exports, its own file name and a require", () => {
    const r = runScript(dir, 'sub/twice')!;
    expect(r.exports).toMatchObject({ file: join(dir, 'sub', 'twice.js'), os: 'function' });
    expect((r.exports as { twice: (n: number) => number }).twice(21)).toBe(42);
  });

  it('compiles from the cache written beside the script, and from the source when the cache does not fit', () => {
    const first = runScript(dir, 'sub/twice')!;
    expect(first.compiled).toBe(true); // no cache yet
    writeFileSync(join(dir, 'sub', 'twice.cache'), first.script.createCachedData());
    expect(runScript(dir, 'sub/twice')!.compiled).toBe(false);
    // a source this process has not compiled yet (V8 keeps what it compiled for the same source)
    writeFileSync(join(dir, 'sub', 'thrice.js'), wrapScript('module.exports = (n) => 3 * n;'));
    writeFileSync(join(dir, 'sub', 'thrice.cache'), 'not a V8 code cache');
    const spoilt = runScript(dir, 'sub/thrice')!;
    expect(spoilt.compiled).toBe(true);
    expect((spoilt.exports as (n: number) => number)(2)).toBe(6);
  });

  it('is undefined for a script that is not there', () => {
    expect(runScript(dir, 'sub/none')).toBeUndefined();
  });
});

describe('codeCacheAt', () => {
  it('runs a script once and keeps its exports', () => {
    const g = globalThis as { __codeCacheRuns?: number };
    const cache = codeCacheAt(dir);
    const before = g.__codeCacheRuns ?? 0;
    const a = cache.run('sub/twice');
    expect(cache.run('sub/twice')).toBe(a);
    expect(g.__codeCacheRuns).toBe(before + 1);
    expect(cache.run('sub/none')).toBeUndefined();
  });
});
