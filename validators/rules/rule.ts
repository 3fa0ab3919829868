import type { Level, RequirementId } from '../../spec/types.js';
import type { Finding, FindingBody } from '../diagnostic.js';
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

type Body = Omit<FindingBody, 'rule'> & {
  /** Defaults to the rule's own id. */
  readonly rule?: string;
};

/** A finding that cites none of the catalogue: `requirement: null` says so, and its level must be given. */
export type UncitedFinding = Body & { readonly requirement: null; readonly level: Level };

/**
 * A finding of a rule that cites several requirements (or none): it names the
 * one it breaks, one of `R`, or cites none (`requirement: null`, with a level).
 * `level` next to a requirement overrides the requirement's level (e.g. INFO for a hint).
 */
export type RuleFinding<R extends RequirementId = RequirementId> = (Body & { readonly requirement: R; readonly level?: Level }) | UncitedFinding;

/** A finding of a rule that cites exactly `R`: without a `requirement` it breaks R. */
export type InheritingFinding<R extends RequirementId> = (Body & { readonly requirement?: R; readonly level?: Level }) | UncitedFinding;

/** What a helper of a one-requirement rule yields: findings that break the rule's requirement, or name none. */
export type InheritedFinding = InheritingFinding<never>;

/**
 * One rule, one file (validators/rules/<spec area>/<name>.rule.ts, default export).
 * A rule checks what a schema can't say and cites catalogue ids. It must not
 * assume the schema passed: every value it reads may have any JSON type.
 */
export interface Rule {
  readonly id: string;
  readonly requirements: readonly RequirementId[];
  /** Document kinds it applies to; '*' for all. */
  readonly appliesTo: readonly string[];
  readonly check: (doc: JsonValue, ctx: RuleContext) => Iterable<InheritingFinding<RequirementId>>;
}

interface RuleSpec<Cited extends readonly RequirementId[], F> {
  readonly id: string;
  readonly requirements: Cited;
  readonly appliesTo: readonly string[];
  readonly check: (doc: JsonValue, ctx: RuleContext) => Iterable<F>;
}

/** A rule citing one requirement: its findings break it unless they name none (`requirement: null`). */
export function defineRule<const R extends RequirementId>(rule: RuleSpec<readonly [R], InheritingFinding<NoInfer<R>>>): Rule;
/** A rule citing none up front (e.g. one that cites the schema's own annotation): each finding names its requirement or level. */
export function defineRule(rule: RuleSpec<readonly [], RuleFinding>): Rule;
/** A rule citing several: each finding names the one it breaks, among them. */
export function defineRule<const R extends RequirementId>(rule: RuleSpec<readonly R[], RuleFinding<NoInfer<R>>>): Rule;
export function defineRule(rule: Rule): Rule {
  return rule;
}

/**
 * A rule's finding as the validator keeps it: the rule's id filled in and the
 * citation resolved. A finding that names no requirement breaks the rule's
 * only one; a rule citing several (or none) that yields such a finding is a
 * bug of ours (the types of defineRule forbid it), never a silent MUST.
 */
export function resolveFinding(rule: Rule, f: InheritingFinding<RequirementId>): Finding {
  const id = f.rule ?? rule.id;
  if (f.requirement === null) {
    const { requirement: _none, ...uncited } = f;
    return { ...uncited, rule: id };
  }
  const cited = f.requirement ?? (rule.requirements.length === 1 ? rule.requirements[0] : undefined);
  if (cited === undefined) throw new Error(`rule ${rule.id}: a finding at '${f.pointer}' names no requirement, and the rule cites ${rule.requirements.length} of them`);
  return { ...f, rule: id, requirement: cited };
}
