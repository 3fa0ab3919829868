/**
 * The validator corpus: every test/corpus/**\/*.case.json is one document with
 * the findings it must produce (exact rule ids and pointers; errors and
 * warnings both, infos only when listed).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../validators/document.js';
import type { Severity } from '../../validators/diagnostic.js';

interface CorpusCase {
  readonly description: string;
  readonly kind?: string;
  readonly specVersion?: string;
  readonly level?: 'MUST' | 'SHOULD';
  readonly document?: unknown;
  readonly text?: string;
  readonly expect: {
    readonly valid: boolean;
    readonly findings: ReadonlyArray<{ readonly rule: string; readonly pointer: string; readonly severity?: Severity }>;
  };
}

const ROOT = join(import.meta.dirname, '..', 'corpus');

function listCases(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listCases(p));
    else if (name.endsWith('.case.json')) out.push(p);
  }
  return out.sort();
}

const files = listCases(ROOT);
const cases = files.map((f) => ({ file: relative(ROOT, f), c: JSON.parse(readFileSync(f, 'utf8')) as CorpusCase }));

describe('validator corpus', () => {
  it.each(cases.map(({ file, c }) => [file, c] as const))('%s', async (file, c) => {
    const text = c.text ?? JSON.stringify(c.document, null, 2);
    const r = await validateDocument(file, text, {
      ...(c.kind ? { kind: c.kind } : {}),
      ...(c.specVersion ? { specVersion: c.specVersion } : {}),
      ...(c.level ? { level: c.level } : {}),
    });
    const listedInfo = c.expect.findings.some((f) => f.severity === 'info');
    const actual = r.diagnostics
      .filter((d) => d.severity !== 'info' || listedInfo)
      .map((d) => `${d.rule} ${d.pointer}${d.severity === 'error' ? '' : ` (${d.severity})`}`)
      .sort();
    const expected = c.expect.findings.map((f) => `${f.rule} ${f.pointer}${!f.severity || f.severity === 'error' ? '' : ` (${f.severity})`}`).sort();
    expect(actual, c.description).toEqual(expected);
    expect(r.diagnostics.some((d) => d.severity === 'error'), `valid: ${c.description}`).toBe(!c.expect.valid);
    for (const d of r.diagnostics) {
      expect(d.line, `${d.rule} has a line`).toBeGreaterThan(0);
      if (d.requirement) expect(d.reference, `${d.rule} links the spec`).toMatch(/^https:\/\/github\.com\/opencontainers\//);
    }
  });
});

export function corpusCounts(prefix: string): { valid: number; invalid: number } {
  const sel = cases.filter(({ file }) => file.startsWith(prefix));
  return { valid: sel.filter(({ c }) => c.expect.valid).length, invalid: sel.filter(({ c }) => !c.expect.valid).length };
}
