import type { Finding } from '../diagnostic.js';
import type { JsonValue, ParsedJson } from '../json/parse.js';
import type { SchemaMeta } from '../schemas/meta.js';

export interface RuleContext {
  readonly file: string;
  /** Document kind: 'config', 'state', 'features', 'manifest', … */
  readonly kind: string;
  /** The released spec version whose rules apply (from the document or --spec-version). */
  readonly version: string;
  /** The version the document itself declares, when it declares one. */
  readonly declaredVersion: string | undefined;
  readonly parsed: ParsedJson;
  /** The bundle directory, when the document is a bundle's config.json. */
  readonly bundleDir: string | undefined;
  /** Metadata of the schema for `version`. */
  readonly meta: SchemaMeta;
  /** Metadata of the latest schema of this kind (for newer-field and did-you-mean checks). */
  readonly latestMeta: SchemaMeta;
}

/**
 * One rule, one file (validators/rules/<spec area>/<name>.rule.ts, default export).
 * A rule checks what a schema can't say and cites catalogue ids. It must not
 * assume the schema passed: every value it reads may have any JSON type.
 */
export interface Rule {
  readonly id: string;
  readonly requirements: readonly string[];
  /** Document kinds it applies to; '*' for all. */
  readonly appliesTo: readonly string[];
  readonly check: (doc: JsonValue, ctx: RuleContext) => Iterable<RuleFinding>;
}

/** A rule's finding; `rule` defaults to the rule's own id. */
export type RuleFinding = Omit<Finding, 'rule'> & { readonly rule?: string };

export function defineRule(rule: Rule): Rule {
  return rule;
}
