import type { JsonValue } from '../../../../validators/json/parse.js';
import { parseJson } from '../../../../validators/json/parse.js';
import type { Finding } from '../../../../validators/diagnostic.js';
import type { Rule, RuleContext } from '../../../../validators/rules/rule.js';
import { resolveFinding } from '../../../../validators/rules/rule.js';
import type { Schema } from '../../../../validators/schemas/dsl.js';
import { extractMeta } from '../../../../validators/schemas/meta.js';

/** Runs one rule over a text against a small schema of the test's own; findings as the validator keeps them (citation resolved). */
export function runRule(rule: Rule, text: string, schema: Schema, version = '1.0.0', kind = 'config'): Finding[] {
  const parsed = parseJson(text);
  const meta = extractMeta(schema);
  const ctx: RuleContext = { file: 't.json', kind, version, declaredVersion: version, parsed, bundleDir: undefined, meta, latestMeta: meta };
  return [...rule.check(parsed.value as JsonValue, ctx)].map((f) => resolveFinding(rule, f));
}
