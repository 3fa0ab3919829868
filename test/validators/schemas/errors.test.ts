/**
 * The schema family's findings are keyed by rule: a `switch` on the rule
 * narrows the params, and each finding cites the requirement of its schema
 * node or, under a root that cites nothing, says MUST itself.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AjvError } from '../../../validators/schemas/compiled.js';
import type { SchemaDiagnostic, SchemaFinding } from '../../../validators/schemas/errors.js';
import { isSchemaDiagnostic, schemaFindings } from '../../../validators/schemas/errors.js';
import { extractMeta } from '../../../validators/schemas/meta.js';
import { obj, req, str } from '../../../validators/schemas/dsl.js';
import type { Diagnostic } from '../../../validators/diagnostic.js';

const cited = extractMeta(obj({ cwd: req('CFG-PROCESS-CWD-ABSOLUTE', str()) }, { requirement: 'CFG-VALID-VALUES-ERROR' }));
const bare = extractMeta(obj({ cwd: str() }));
const err = (keyword: string, schemaPath: string, params: Record<string, unknown>): AjvError => ({ keyword, schemaPath, instancePath: '/cwd', params });

describe('schema findings', () => {
  it('cite the failing node’s requirement, else the nearest one above it', () => {
    const [own] = schemaFindings([err('type', '#/properties/cwd/type', { type: 'string' })], cited, () => 1);
    const [root] = schemaFindings([err('required', '#/required', { missingProperty: 'x' })], cited, () => undefined);
    expect([own?.requirement, root?.requirement]).toEqual(['CFG-PROCESS-CWD-ABSOLUTE', 'CFG-VALID-VALUES-ERROR']);
  });

  it('say MUST themselves where no annotation covers the node', () => {
    const [f] = schemaFindings([err('type', '#/properties/cwd/type', { type: 'string' })], bare, () => 1);
    expect([f?.requirement, f?.level]).toEqual([undefined, 'MUST']);
  });

  it('report any other keyword of ajv’s under its own rule, and refuse a keyword unknown to ajv', () => {
    const [f] = schemaFindings([err('additionalProperties', '#/additionalProperties', { additionalProperty: 'x' })], cited, () => 1);
    expect([f?.rule, f?.params]).toEqual(['schema.additionalProperties', { additionalProperty: 'x' }]);
    expect(() => schemaFindings([err('x-custom', '#/x-custom', {})], cited, () => 1)).toThrow(/does not know/);
  });

  it('are keyed by rule, so that the rule narrows the params', () => {
    const describe1 = (f: SchemaFinding): string => {
      switch (f.rule) {
        case 'schema.required':
          expectTypeOf(f.params).toEqualTypeOf<{ readonly property: string }>();
          return f.params.property;
        case 'schema.type':
          return f.params.actual;
        default:
          return f.rule;
      }
    };
    const [f] = schemaFindings([err('required', '#/required', { missingProperty: 'args' })], cited, () => undefined);
    expect(describe1(f!)).toBe('args');
    const d: Diagnostic = { rule: 'schema.required', level: 'MUST', severity: 'error', file: 'f', pointer: '', line: 1, column: 1, message: 'm', params: { property: 'args' } };
    if (isSchemaDiagnostic(d)) expectTypeOf(d).toExtend<SchemaDiagnostic>();
    // @ts-expect-error -- not a rule of the schema family
    const wrong: SchemaFinding['rule'] = 'schema.nope';
    expect(wrong).toBe('schema.nope');
  });
});
