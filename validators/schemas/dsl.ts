/**
 * A small builder for the JSON Schemas we write from the spec text. Schemas are
 * functions of the spec version, so one source yields every version's schema.
 * Everything is inlined (no $ref), so an ajv error's schemaPath leads straight
 * to the annotations of the node that failed:
 *  - 'x-requirement': the catalogue id a violation of this node breaks;
 *  - 'x-since': the spec version at which a property is first in force: its
 *    release, or the runtime-spec dev window it landed in (spec/dev-windows.ts);
 *  - 'x-int': the exact integer type (int64, uint64, …), checked from the source text.
 */
import type { RequirementId } from '../../spec/types.js';
import { compareVersions } from '../../spec/versions.js';

/** A schema node; its 'x-requirement' annotation takes catalogue ids only. */
export type Schema = { readonly 'x-requirement'?: RequirementId; readonly [k: string]: unknown };

export type IntKind = 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64';

export const INT_RANGES: Readonly<Record<IntKind, readonly [bigint, bigint]>> = {
  int8: [-(2n ** 7n), 2n ** 7n - 1n],
  int16: [-(2n ** 15n), 2n ** 15n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 2n ** 8n - 1n],
  uint16: [0n, 2n ** 16n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

/** An integer of an exact width. ajv compares doubles; the x-int check compares the source digits. */
export function int(kind: IntKind, extra: Schema = {}): Schema {
  const [min, max] = INT_RANGES[kind];
  return { type: 'integer', minimum: Number(min), maximum: Number(max), 'x-int': kind, ...extra };
}

export function str(extra: Schema = {}): Schema {
  return { type: 'string', ...extra };
}

export function bool(): Schema {
  return { type: 'boolean' };
}

export function arr(items: Schema, extra: Schema = {}): Schema {
  return { type: 'array', items, ...extra };
}

export function enumOf(values: readonly string[], extra: Schema = {}): Schema {
  return { type: 'string', enum: [...values], ...extra };
}

/** A map with string keys and values of one schema. */
export function mapOf(values: Schema, extra: Schema = {}): Schema {
  return { type: 'object', additionalProperties: values, ...extra };
}

/** Tags a schema node with the requirement id its violation breaks. */
export function req(id: RequirementId, schema: Schema): Schema {
  return { ...schema, 'x-requirement': id };
}

export interface ObjOptions {
  readonly required?: readonly string[];
  /** Requirement broken when the object itself has the wrong type. */
  readonly requirement?: RequirementId;
  readonly extra?: Schema;
}

/**
 * An object. Properties whose schema is undefined (not in this version) are
 * dropped, and so are required names whose property was dropped. Unknown
 * properties are allowed: the spec tells consumers to ignore them.
 */
export function obj(props: Readonly<Record<string, Schema | undefined>>, opts: ObjOptions = {}): Schema {
  const properties: Record<string, Schema> = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined) properties[k] = v;
  const required = (opts.required ?? []).filter((k) => k in properties);
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(opts.requirement ? { 'x-requirement': opts.requirement } : {}),
    ...opts.extra,
  };
}

/**
 * The schema when `version` is at least `introduced`, else undefined (and so
 * dropped by obj()). Runtime-spec schemas go through runtime/since.ts, which
 * passes the dev window a property landed in.
 */
export function since(introduced: string, version: string, schema: Schema): Schema | undefined {
  return compareVersions(version, introduced) >= 0 ? { ...schema, 'x-since': introduced } : undefined;
}

/** The schema while `version` is at most `last` (for properties the spec removed). */
export function until(last: string, version: string, schema: Schema): Schema | undefined {
  return compareVersions(version, last) <= 0 ? schema : undefined;
}

/** One schema of the registry (registry.ts): a kind at a version, built on demand. */
export interface SchemaSource {
  readonly kind: string;
  readonly version: string;
  readonly schema: () => Schema;
}
