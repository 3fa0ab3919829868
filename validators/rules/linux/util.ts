/** Small helpers shared by the linux rules (validators/rules/linux/*.rule.ts). */
import { IN_FORCE } from '../../generated/in-force.js';
import { inVersionRange } from '../../../spec/versions.js';
import type { RequirementId } from '../../../spec/types.js';
import type { JsonValue } from '../../json/parse.js';
import type { JsonObject } from '../../json/values.js';
import { asArray, at, isObject } from '../../json/values.js';

/** Whether a catalogue requirement is part of the spec version the document is checked as (an unknown id would never be). */
export function inForce(id: RequirementId, version: string): boolean {
  const r = ranges().get(id);
  return r !== undefined && inVersionRange(version, r[0], r[1]);
}

let byId: Map<string, readonly [since: string, until?: string]> | undefined;

function ranges(): Map<string, readonly [since: string, until?: string]> {
  if (!byId) {
    byId = new Map();
    for (const [range, ids] of Object.entries(IN_FORCE)) {
      const [since, until] = range.split('..') as [string, string | undefined];
      const r = until === undefined ? ([since] as const) : ([since, until] as const);
      for (const id of ids.split(' ')) byId.set(id, r);
    }
  }
  return byId;
}

/** The entries of an array at a path under the document, with their indexes. */
export function entries(doc: JsonValue, ...path: string[]): Array<readonly [number, JsonValue]> {
  return asArray(at(doc, ...path)).map((v, i) => [i, v] as const);
}

/** The members of an object at a path under the document. */
export function members(doc: JsonValue, ...path: string[]): Array<readonly [string, JsonValue]> {
  const o = at(doc, ...path);
  return isObject(o) ? Object.entries(o as JsonObject) : [];
}

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/');
}

/** JSON.stringify for messages, shortened. */
export function show(v: JsonValue | undefined): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * A list of non-negative numbers and ranges ("0-3,7"), as the kernel reads
 * cpusets and memory node masks. Returns a reason when the text is not one;
 * an empty text is no problem (runtimes read it as unset).
 */
export function listProblem(text: string): string | undefined {
  if (text === '') return undefined; // runtimes read an empty list as unset
  for (const part of text.split(',')) {
    // The kernel also takes a stride suffix on ranges ("0-15:2/4").
    const m = /^(\d+)(?:-(\d+)(?::\d+\/\d+)?)?$/.exec(part);
    if (!m) return `'${part}' is neither a number nor a range a-b`;
    if (m[2] !== undefined && Number(m[2]) < Number(m[1])) return `the range '${part}' runs backwards`;
  }
  return undefined;
}
