/** Maps ajv errors into our findings, with the requirement the failing schema node cites. */
import type { Finding } from '../diagnostic.js';
import type { AjvError } from './compiled.js';
import type { SchemaMeta } from './meta.js';
import { escapePointerToken } from '../json/parse.js';

function requirementFor(meta: SchemaMeta, schemaPath: string): string | undefined {
  let p = schemaPath;
  for (;;) {
    const r = meta.requirements[p];
    if (r) return r;
    const cut = p.lastIndexOf('/');
    if (cut <= 0) return meta.requirements['#'];
    p = p.slice(0, cut);
  }
}

const JS_TYPE = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export function schemaFindings(errors: readonly AjvError[], meta: SchemaMeta, value: (pointer: string) => unknown): Finding[] {
  const out: Finding[] = [];
  for (const e of errors) {
    // Branch errors of anyOf/oneOf are summarised by the branch keyword's own error.
    if (e.keyword === 'if') continue;
    const base = e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'));
    switch (e.keyword) {
      case 'required': {
        const name = String(e.params.missingProperty);
        out.push({
          rule: 'schema.required',
          requirement: requirementFor(meta, `${base}/properties/${escapePointerToken(name)}`),
          pointer: `${e.instancePath}/${escapePointerToken(name)}`,
          message: `required property '${name}' is missing`,
          params: { property: name },
        });
        break;
      }
      case 'type':
        out.push({
          rule: 'schema.type',
          requirement: requirementFor(meta, base),
          pointer: e.instancePath,
          message: `must be ${article(String(e.params.type))}, not ${article(JS_TYPE(value(e.instancePath)))}`,
          params: { expected: e.params.type, actual: JS_TYPE(value(e.instancePath)) },
        });
        break;
      case 'enum':
        out.push({
          rule: 'schema.enum',
          requirement: requirementFor(meta, base),
          pointer: e.instancePath,
          message: `${JSON.stringify(value(e.instancePath))} is not one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
          params: { allowed: e.params.allowedValues, actual: value(e.instancePath) },
        });
        break;
      case 'const':
        out.push({
          rule: 'schema.const',
          requirement: requirementFor(meta, base),
          pointer: e.instancePath,
          message: `must be ${JSON.stringify(e.params.allowedValue)}`,
          params: { expected: e.params.allowedValue, actual: value(e.instancePath) },
        });
        break;
      case 'pattern':
        out.push({
          rule: 'schema.pattern',
          requirement: requirementFor(meta, base),
          pointer: e.instancePath,
          message: `${JSON.stringify(value(e.instancePath))} does not have the required form (${String(e.params.pattern)})`,
          params: { pattern: e.params.pattern, actual: value(e.instancePath) },
        });
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        out.push({
          rule: `schema.${e.keyword}`,
          requirement: requirementFor(meta, base),
          pointer: e.instancePath,
          message: `${String(value(e.instancePath))} is out of range: must be ${String(e.params.comparison)} ${String(e.params.limit)}`,
          params: { limit: e.params.limit, comparison: e.params.comparison, actual: value(e.instancePath) },
        });
        break;
      case 'minItems':
      case 'maxItems':
      case 'minLength':
      case 'maxLength':
      case 'minProperties':
      case 'maxProperties':
        out.push({
          rule: `schema.${e.keyword}`,
          requirement: requirementFor(meta, base),
          pointer: e.instancePath,
          message: `must have ${e.keyword.startsWith('min') ? 'at least' : 'at most'} ${String(e.params.limit)} ${e.keyword.endsWith('Items') ? 'item' : e.keyword.endsWith('Length') ? 'character' : 'propert'}${e.keyword.endsWith('Properties') ? (e.params.limit === 1 ? 'y' : 'ies') : e.params.limit === 1 ? '' : 's'}`,
          params: { limit: e.params.limit },
        });
        break;
      case 'uniqueItems':
        out.push({
          rule: 'schema.uniqueItems',
          requirement: requirementFor(meta, base),
          pointer: `${e.instancePath}/${String(e.params.i)}`,
          message: `duplicates item ${String(e.params.j)}: items must be unique`,
          params: { first: e.params.j, again: e.params.i },
        });
        break;
      default:
        out.push({
          rule: `schema.${e.keyword}`,
          requirement: requirementFor(meta, e.schemaPath) ?? requirementFor(meta, base),
          pointer: e.instancePath,
          message: e.message ?? `fails the schema keyword '${e.keyword}'`,
          params: { ...e.params },
        });
    }
  }
  return out;
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}
