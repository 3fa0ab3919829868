/**
 * Who checks what: requirement ids cited by schema annotations, validator
 * rules and (later) suite cases, set against what the catalogue claims.
 */
import type { Requirement } from './types.js';
import { CATALOGUE, levelAt } from './catalogue.js';
import { LATEST_IMAGE_SPEC, LATEST_RUNTIME_SPEC } from './versions.js';

/** The version whose levels the coverage counts: the latest release of each spec. */
export const LATEST = { 'runtime-spec': LATEST_RUNTIME_SPEC, 'image-spec': LATEST_IMAGE_SPEC, 'runtime-cli': '1.0.0' } as const;

export interface Citations {
  /** Requirement ids cited by schema annotations or rules. */
  readonly static: ReadonlySet<string>;
  /** Requirement ids cited by oci-conform cases. */
  readonly behavioural: ReadonlySet<string>;
}

export interface DocCounts {
  readonly spec: string;
  readonly doc: string;
  readonly byLevel: Record<'MUST' | 'SHOULD', number>;
  readonly total: number;
  readonly staticallyChecked: number;
  readonly behaviourallyChecked: number;
  readonly untestable: number;
  readonly unchecked: number;
}

export function coverageByDoc(c: Citations, catalogue: readonly Requirement[] = CATALOGUE): DocCounts[] {
  const rows = new Map<string, { spec: string; doc: string; byLevel: Record<'MUST' | 'SHOULD', number>; total: number; staticallyChecked: number; behaviourallyChecked: number; untestable: number; unchecked: number }>();
  for (const r of catalogue) {
    const key = `${r.spec}/${r.doc}`;
    let row = rows.get(key);
    if (!row) {
      row = { spec: r.spec, doc: r.doc, byLevel: { MUST: 0, SHOULD: 0 }, total: 0, staticallyChecked: 0, behaviourallyChecked: 0, untestable: 0, unchecked: 0 };
      rows.set(key, row);
    }
    row.total++;
    row.byLevel[levelAt(r, LATEST[r.spec])]++;
    const s = c.static.has(r.id);
    const b = c.behavioural.has(r.id);
    if (s) row.staticallyChecked++;
    if (b) row.behaviourallyChecked++;
    if (r.check.by === 'untestable') row.untestable++;
    else if (!s && !b) row.unchecked++;
  }
  return [...rows.values()];
}
