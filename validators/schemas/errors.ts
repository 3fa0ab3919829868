/** Maps ajv errors into our findings, with the requirement the failing schema node cites. */
import type { RequirementId } from '../../spec/types.js';
import type { Citation, Diagnostic, FindingBody } from '../diagnostic.js';
import type { AjvError } from './compiled.js';
import type { SchemaMeta } from './meta.js';
import { escapePointerToken } from '../json/parse.js';

function requirementFor(meta: SchemaMeta, schemaPath: string): RequirementId | undefined {
  let p = schemaPath;
  for (;;) {
    const r = meta.requirements[p];
    if (r) return r;
    const cut = p.lastIndexOf('/');
    if (cut <= 0) return meta.requirements['#'];
    p = p.slice(0, cut);
  }
}

/**
 * What a schema error cites: the requirement of the failing node or the nearest
 * annotated one above it. A schema whose root cites nothing (every one of ours
 * does) leaves the error at MUST, said here rather than left to a default.
 */
function cite(requirement: RequirementId | undefined): Citation {
  return requirement ? { requirement } : { level: 'MUST' };
}

type Range = { readonly limit: unknown; readonly comparison: unknown; readonly actual: unknown };
type Count = { readonly limit: unknown };

/** The schema family's rules and the params each carries: `switch (d.rule)` on a SchemaDiagnostic narrows `params`. */
export type SchemaRuleParams = {
  'schema.required': { readonly property: string };
  'schema.type': { readonly expected: unknown; readonly actual: string };
  'schema.enum': { readonly allowed: unknown; readonly actual: unknown };
  'schema.const': { readonly expected: unknown; readonly actual: unknown };
  'schema.pattern': { readonly pattern: unknown; readonly actual: unknown };
  'schema.minimum': Range;
  'schema.maximum': Range;
  'schema.exclusiveMinimum': Range;
  'schema.exclusiveMaximum': Range;
  'schema.minItems': Count;
  'schema.maxItems': Count;
  'schema.minLength': Count;
  'schema.maxLength': Count;
  'schema.minProperties': Count;
  'schema.maxProperties': Count;
  'schema.uniqueItems': { readonly first: unknown; readonly again: unknown };
} & { readonly [K in `schema.${OtherKeyword}`]: Readonly<Record<string, unknown>> };

/**
 * ajv's other keywords that can fail (none of them in our schemas today, see
 * test/validators/schemas/errors-typed.test.ts): reported with ajv's own params and message.
 */
const OTHER_KEYWORDS = [
  'additionalProperties',
  'additionalItems',
  'anyOf',
  'oneOf',
  'not',
  'contains',
  'minContains',
  'maxContains',
  'dependencies',
  'dependentRequired',
  'propertyNames',
  'format',
  'multipleOf',
  'unevaluatedProperties',
  'unevaluatedItems',
  'discriminator',
  'false schema',
] as const;
type OtherKeyword = (typeof OTHER_KEYWORDS)[number];

export type SchemaRuleId = keyof SchemaRuleParams;

/** A schema finding, keyed by rule. */
export type SchemaFinding = { readonly [K in SchemaRuleId]: Omit<FindingBody, 'rule' | 'params'> & Citation & { readonly rule: K; readonly params: SchemaRuleParams[K] } }[SchemaRuleId];

/** A diagnostic of the schema family, keyed by rule like SchemaFinding. */
export type SchemaDiagnostic = { readonly [K in SchemaRuleId]: Omit<Diagnostic, 'rule' | 'params'> & { readonly rule: K; readonly params: SchemaRuleParams[K] } }[SchemaRuleId];

export function isSchemaDiagnostic(d: Diagnostic): d is SchemaDiagnostic {
  return d.rule.startsWith('schema.');
}

/**
 * A finding of `rule` from the case of the switch that handles it, which
 * gives the params that rule carries; the one place where a union of rules
 * meets the union of their findings, which TypeScript can't correlate itself.
 */
function keyed<K extends SchemaRuleId>(rule: K, body: Omit<FindingBody, 'rule' | 'params'> & Citation & { readonly params: SchemaRuleParams[K] }): SchemaFinding {
  return { ...body, rule } as SchemaFinding;
}

function isOtherKeyword(k: string): k is OtherKeyword {
  return (OTHER_KEYWORDS as readonly string[]).includes(k);
}

const JS_TYPE = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export function schemaFindings(errors: readonly AjvError[], meta: SchemaMeta, value: (pointer: string) => unknown): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  for (const e of errors) {
    // Branch errors of anyOf/oneOf are summarised by the branch keyword's own error.
    if (e.keyword === 'if') continue;
    const base = e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'));
    switch (e.keyword) {
      case 'required': {
        const name = String(e.params.missingProperty);
        out.push({
          rule: 'schema.required',
          ...cite(requirementFor(meta, `${base}/properties/${escapePointerToken(name)}`)),
          pointer: `${e.instancePath}/${escapePointerToken(name)}`,
          message: `required property '${name}' is missing`,
          params: { property: name },
        });
        break;
      }
      case 'type':
        out.push({
          rule: 'schema.type',
          ...cite(requirementFor(meta, base)),
          pointer: e.instancePath,
          message: `must be ${article(String(e.params.type))}, not ${article(JS_TYPE(value(e.instancePath)))}`,
          params: { expected: e.params.type, actual: JS_TYPE(value(e.instancePath)) },
        });
        break;
      case 'enum':
        out.push({
          rule: 'schema.enum',
          ...cite(requirementFor(meta, base)),
          pointer: e.instancePath,
          message: `${JSON.stringify(value(e.instancePath))} is not one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
          params: { allowed: e.params.allowedValues, actual: value(e.instancePath) },
        });
        break;
      case 'const':
        out.push({
          rule: 'schema.const',
          ...cite(requirementFor(meta, base)),
          pointer: e.instancePath,
          message: `must be ${JSON.stringify(e.params.allowedValue)}`,
          params: { expected: e.params.allowedValue, actual: value(e.instancePath) },
        });
        break;
      case 'pattern':
        out.push({
          rule: 'schema.pattern',
          ...cite(requirementFor(meta, base)),
          pointer: e.instancePath,
          message: `${JSON.stringify(value(e.instancePath))} does not have the required form (${String(e.params.pattern)})`,
          params: { pattern: e.params.pattern, actual: value(e.instancePath) },
        });
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        out.push(
          keyed(`schema.${e.keyword}`, {
            ...cite(requirementFor(meta, base)),
            pointer: e.instancePath,
            message: `${String(value(e.instancePath))} is out of range: must be ${String(e.params.comparison)} ${String(e.params.limit)}`,
            params: { limit: e.params.limit, comparison: e.params.comparison, actual: value(e.instancePath) },
          }),
        );
        break;
      case 'minItems':
      case 'maxItems':
      case 'minLength':
      case 'maxLength':
      case 'minProperties':
      case 'maxProperties':
        out.push(
          keyed(`schema.${e.keyword}`, {
            ...cite(requirementFor(meta, base)),
            pointer: e.instancePath,
            message: `must have ${e.keyword.startsWith('min') ? 'at least' : 'at most'} ${String(e.params.limit)} ${e.keyword.endsWith('Items') ? 'item' : e.keyword.endsWith('Length') ? 'character' : 'propert'}${e.keyword.endsWith('Properties') ? (e.params.limit === 1 ? 'y' : 'ies') : e.params.limit === 1 ? '' : 's'}`,
            params: { limit: e.params.limit },
          }),
        );
        break;
      case 'uniqueItems':
        out.push({
          rule: 'schema.uniqueItems',
          ...cite(requirementFor(meta, base)),
          pointer: `${e.instancePath}/${String(e.params.i)}`,
          message: `duplicates item ${String(e.params.j)}: items must be unique`,
          params: { first: e.params.j, again: e.params.i },
        });
        break;
      default:
        // a keyword of ajv's that none of our schemas uses yet; one outside ajv's own set would be a schema of ours
        // with a custom keyword, which the mapping must learn first
        if (!isOtherKeyword(e.keyword)) throw new Error(`schema error of keyword '${e.keyword}', which the error mapping does not know`);
        out.push(
          keyed(`schema.${e.keyword}`, {
            ...cite(requirementFor(meta, e.schemaPath) ?? requirementFor(meta, base)),
            pointer: e.instancePath,
            message: e.message ?? `fails the schema keyword '${e.keyword}'`,
            params: { ...e.params },
          }),
        );
    }
  }
  return out;
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}
