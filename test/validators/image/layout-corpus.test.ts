/**
 * The layout corpus: every test/corpus/image/layouts/*.layout.json is built on
 * disk (and, when the case asks, as a tar and a gzip tar of it), validated
 * through the same entry point as the CLI, and must give exactly the listed
 * findings (rule, file inside the layout, pointer; infos only when listed).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validatePath } from '../../../validators/inputs.js';
import type { ValidateOptions } from '../../../validators/inputs.js';
import type { LayoutSpec } from '../../corpus/image/layouts/builder.js';
import { archiveLayout, buildLayout } from '../../corpus/image/layouts/builder.js';

interface LayoutCase extends LayoutSpec {
  readonly description: string;
  readonly forms?: ReadonlyArray<'dir' | 'tar' | 'tgz'>;
  readonly options?: Pick<ValidateOptions, 'complete' | 'maxDecompressedBytes' | 'level' | 'specVersion' | 'maxBytes'>;
  readonly expect: {
    readonly valid: boolean;
    readonly findings: ReadonlyArray<{ readonly rule: string; readonly file: string; readonly pointer: string; readonly severity?: string }>;
  };
}

const DIR = join(import.meta.dirname, '..', '..', 'corpus', 'image', 'layouts');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.layout.json'))
  .sort();
const cases = files.map((f) => ({ file: f, c: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as LayoutCase }));
const work = mkdtempSync(join(tmpdir(), 'oci-layout-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const rows = cases.flatMap(({ file, c }) => (c.forms ?? ['dir']).map((form) => [`${file} (${form})`, file, form, c] as const));

describe('layout corpus', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(rows)('%s', async (_title, file, form, c) => {
    const base = join(work, `${file.replace(/\.layout\.json$/, '')}-${form}`);
    const dir = join(base, 'layout');
    const paths = buildLayout(c, dir, join(base, 'outside'));
    const byPath = new Map([...paths].map(([name, p]) => [p, `@${name}`]));
    let target = dir;
    if (form !== 'dir') {
      target = join(base, form === 'tgz' ? 'layout.tar.gz' : 'layout.tar');
      writeFileSync(target, archiveLayout(dir, form === 'tgz'));
    }
    const results = await validatePath(target, c.options ?? {});
    const listedInfo = c.expect.findings.some((f) => f.severity === 'info');
    const rel = (f: string): string => {
      const r = f === target ? '.' : f.startsWith(`${target}/`) || f.startsWith(`${target}:`) ? f.slice(target.length + 1) : f;
      return byPath.get(r) ?? r;
    };
    const actual = results
      .flatMap((r) => r.diagnostics)
      .filter((d) => d.severity !== 'info' || listedInfo)
      .map((d) => `${d.rule} ${rel(d.file)} ${d.pointer}${d.severity === 'error' ? '' : ` (${d.severity})`}`)
      .sort();
    const expected = c.expect.findings.map((f) => `${f.rule} ${f.file} ${f.pointer}${!f.severity || f.severity === 'error' ? '' : ` (${f.severity})`}`).sort();
    expect(actual, c.description).toEqual(expected);
    const errors = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
    expect(errors, `valid: ${c.description}`).toBe(!c.expect.valid);
  });
});
