/**
 * The runtime-spec corpus is big enough (at least 200 invalid and 40 valid
 * cases) and its valid documents, together, use every property our schemas
 * define for config, state and features at the latest release.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../validators/document.js';
import { extractMeta, matchPattern } from '../../validators/schemas/meta.js';
import { schemaSources } from '../../validators/schemas/registry.js';
import { LATEST_RUNTIME_SPEC } from '../../spec/versions.js';
import { escapePointerToken } from '../../validators/json/pointer.js';

const ROOT = join(import.meta.dirname, '..', 'corpus', 'runtime');

interface Case {
  readonly kind?: string;
  readonly specVersion?: string;
  readonly document?: unknown;
  readonly expect: { readonly valid: boolean };
}

function list(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? list(p) : n.endsWith('.case.json') ? [p] : [];
  });
}

function pointers(v: unknown, base = ''): string[] {
  if (typeof v !== 'object' || v === null) return [];
  const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
  return entries.flatMap(([k, x]) => {
    const p = `${base}/${escapePointerToken(k)}`;
    return [p, ...pointers(x, p)];
  });
}

const cases = list(ROOT).map((f) => JSON.parse(readFileSync(f, 'utf8')) as Case);

describe('runtime-spec corpus', () => {
  it('has at least 200 invalid and 40 valid cases', () => {
    expect(cases.filter((c) => !c.expect.valid).length).toBeGreaterThanOrEqual(200);
    expect(cases.filter((c) => c.expect.valid).length).toBeGreaterThanOrEqual(40);
  });

  it('uses every schema property of config, state and features in its valid documents', async () => {
    const used = new Map<string, string[]>();
    for (const c of cases.filter((x) => x.expect.valid && x.document !== undefined)) {
      const r = await validateDocument('case.json', JSON.stringify(c.document), {
        ...(c.kind ? { kind: c.kind } : {}),
        ...(c.specVersion ? { specVersion: c.specVersion } : {}),
      });
      used.set(r.kind!, [...(used.get(r.kind!) ?? []), ...pointers(c.document)]);
    }
    const missing: string[] = [];
    for (const src of schemaSources().filter((s) => s.version === LATEST_RUNTIME_SPEC && ['config', 'state', 'features'].includes(s.kind))) {
      const meta = extractMeta(src.schema());
      const seen = used.get(src.kind) ?? [];
      for (const [at, names] of Object.entries(meta.known))
        for (const name of names) {
          const pattern = `${at}/${escapePointerToken(name)}`;
          if (!seen.some((p) => matchPattern(pattern, p))) missing.push(`${src.kind} ${pattern}`);
        }
    }
    expect(missing).toEqual([]);
  });
});
