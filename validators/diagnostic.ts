import type { Level, RequirementId } from '../spec/types.js';

/** How a finding weighs on the verdict, after `--level` is applied. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding. `rule` and `params` are the payload (stable, for machines);
 * `message` is for people. Positions point into the original bytes.
 */
export interface Diagnostic {
  /** Rule id, e.g. 'config.process.cwd-absolute' or 'schema.type'. */
  readonly rule: string;
  /** Requirement id from spec/, when the finding breaks one. */
  readonly requirement?: RequirementId;
  /** RFC 2119 level of what was broken (INFO for hints such as "did you mean"). */
  readonly level: Level;
  readonly severity: Severity;
  readonly file: string;
  /** RFC 6901 JSON pointer into the document ('' is the whole document). */
  readonly pointer: string;
  /** 1-based; 0 when the finding has no place in a text (e.g. a missing file). */
  readonly line: number;
  /** 1-based, in UTF-16 code units as editors count them. */
  readonly column: number;
  readonly message: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Spec URL at the version the document declares. */
  readonly reference?: string;
}

/**
 * What a finding weighs on: a requirement it breaks (whose level at the
 * document's version is the finding's level, unless it states its own, e.g.
 * INFO for a hint), or, citing none, a level of its own. Never neither: no
 * finding silently counts as a MUST.
 */
export type Citation<R extends RequirementId = RequirementId> =
  | { readonly requirement: R; readonly level?: Level }
  | { readonly requirement?: undefined; readonly level: Level };

/** A finding's payload, before file and position are attached. */
export interface FindingBody {
  readonly rule: string;
  readonly pointer: string;
  /** Point at the key instead of the value (e.g. for an unknown or misplaced property). */
  readonly at?: 'key' | 'value';
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** What a rule (its citation resolved, rules/rule.ts), the schema mapping or the parser reports. */
export type Finding = FindingBody & Citation;
