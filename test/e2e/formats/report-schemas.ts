/** The JSON Schemas we publish (schemas/), compiled once: every JSON report a test produces is checked against its schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

const SCHEMAS = join(import.meta.dirname, '..', '..', '..', 'schemas');
// strictRequired off: the report schema requires `run` in an if/then, beside the property's definition
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const compiled = new Map<string, ValidateFunction>();

function errorsOf(file: string, doc: unknown): string[] {
  let validate = compiled.get(file);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as object);
    compiled.set(file, validate);
  }
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

/** Errors of an oci-conform JSON report against schemas/oci-conform-report.v2.schema.json (empty: valid). */
export const conformReportErrors = (doc: unknown): string[] => errorsOf('oci-conform-report.v2.schema.json', doc);

/** Errors of oci-validate's JSON output against schemas/oci-validate-report.v1.schema.json (empty: valid). */
export const validateReportErrors = (doc: unknown): string[] => errorsOf('oci-validate-report.v1.schema.json', doc);
