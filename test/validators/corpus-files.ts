/** Shared by the corpus tests: listing case files and the member pointers a document uses. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../validators/document.js';
import { escapePointerToken } from '../../validators/json/pointer.js';
import { extractMeta, matchPattern } from '../../validators/schemas/meta.js';
import type { SchemaSource } from '../../validators/schemas/registry.js';

export interface CorpusCaseFile {
  readonly kind?: string;
  readonly specVersion?: string;
  readonly document?: unknown;
  readonly text?: string;
  readonly expect: { readonly valid: boolean };
}

/** Every *.case.json below a folder, parsed. */
export function readCases(dir: string): CorpusCaseFile[] {
  const list = (d: string): string[] =>
    readdirSync(d).flatMap((n) => {
      const p = join(d, n);
      return statSync(p).isDirectory() ? list(p) : n.endsWith('.case.json') ? [p] : [];
    });
  return list(dir).map((f) => JSON.parse(readFileSync(f, 'utf8')) as CorpusCaseFile);
}

/** Every member pointer of a JSON value. */
export function pointers(v: unknown, base = ''): string[] {
  if (typeof v !== 'object' || v === null) return [];
  const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
  return entries.flatMap(([k, x]) => {
    const p = `${base}/${escapePointerToken(k)}`;
    return [p, ...pointers(x, p)];
  });
}

/** The schema properties (as `kind pattern`) that no valid case of the corpus uses. */
export async function unusedProperties(cases: readonly CorpusCaseFile[], sources: readonly SchemaSource[]): Promise<string[]> {
  const used = new Map<string, string[]>();
  for (const c of cases.filter((x) => x.expect.valid && x.document !== undefined)) {
    const r = await validateDocument('case.json', JSON.stringify(c.document), {
      ...(c.kind ? { kind: c.kind } : {}),
      ...(c.specVersion ? { specVersion: c.specVersion } : {}),
    });
    used.set(r.kind!, [...(used.get(r.kind!) ?? []), ...pointers(c.document)]);
  }
  const missing: string[] = [];
  for (const src of sources) {
    const meta = extractMeta(src.schema());
    const seen = used.get(src.kind) ?? [];
    for (const [at, names] of Object.entries(meta.known))
      for (const name of names) {
        const pattern = `${at}/${escapePointerToken(name)}`;
        if (!seen.some((p) => matchPattern(pattern, p))) missing.push(`${src.kind} ${pattern}`);
      }
  }
  return missing;
}
