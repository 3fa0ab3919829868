/** Narrowing helpers for rules, which must cope with documents the schema rejected. */
import type { JsonValue } from './parse.js';

export type JsonObject = { [k: string]: JsonValue };

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A property of an object, if the value is an object and has it. */
export function prop(v: JsonValue | undefined, key: string): JsonValue | undefined {
  return isObject(v) && Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
}

/** A nested property by path, e.g. at(doc, 'linux', 'resources', 'memory'). */
export function at(v: JsonValue | undefined, ...path: string[]): JsonValue | undefined {
  let cur = v;
  for (const k of path) cur = prop(cur, k);
  return cur;
}

export function asArray(v: JsonValue | undefined): readonly JsonValue[] {
  return Array.isArray(v) ? v : [];
}

export function asString(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function asNumber(v: JsonValue | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}
