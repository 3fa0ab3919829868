import type { RuntimeDevVersion } from './dev-windows.js';
import type { RequirementId } from './generated/requirement-ids.js';

export type { RequirementId, RuntimeRequirementId, ImageRequirementId, RuntimeCliRequirementId } from './generated/requirement-ids.js';

/**
 * The requirement catalogue's shape. Every requirement of the OCI specs that we
 * know of has one entry; rules, schema annotations and suite cases cite the id.
 */

/** The RFC 2119 keyword as it stands in the spec sentence. */
export type Keyword =
  | 'MUST'
  | 'MUST NOT'
  | 'REQUIRED'
  | 'SHALL'
  | 'SHALL NOT'
  | 'SHOULD'
  | 'SHOULD NOT'
  | 'RECOMMENDED'
  /**
   * No keyword in the sentence itself: the spec defines what a field does
   * ("maskedPaths … so that they cannot be read"), and a keyworded sentence
   * elsewhere makes applying it binding (runtime.md: create MUST apply every
   * property; start MUST run the process as configured). Such an entry names
   * that sentence in `basis` and takes its level.
   */
  | 'IMPLIED';

/** Levels are ordered: a MUST outranks a SHOULD. INFO is never a spec violation. */
export type Level = 'MUST' | 'SHOULD' | 'INFO';

export const LEVEL_RANK: Readonly<Record<Level, number>> = { MUST: 2, SHOULD: 1, INFO: 0 };

/** The level a keyword states; IMPLIED entries take their basis's level (see levelAt in catalogue.ts). */
export function levelOfKeyword(k: Keyword): Exclude<Level, 'INFO'> {
  return k.startsWith('SHOULD') || k === 'RECOMMENDED' ? 'SHOULD' : 'MUST';
}

/**
 * Where a requirement comes from. 'runtime-cli' is the runtime command line
 * convention (runtime-tools' command-line-interface.md), not a spec: its
 * entries are checked at SHOULD level whatever their keyword.
 */
export type SpecName = 'runtime-spec' | 'image-spec' | 'runtime-cli';

/**
 * How a requirement is checked.
 * - static: by oci-validate (a schema annotation or a rule cites it);
 * - behavioural: by an oci-conform case that drives a runtime;
 * - both: static and behavioural;
 * - untestable: by neither, with the reason.
 */
export type CheckedBy =
  | { readonly by: 'static' }
  | { readonly by: 'behavioural' }
  | { readonly by: 'both' }
  | { readonly by: 'untestable'; readonly why: string };

/** A change of a requirement between spec versions, e.g. a SHOULD that became a MUST. */
export interface LevelChange {
  /** First version in which `level` applies. */
  readonly since: string;
  /** The dev window the change landed in, when it came before its release (spec/dev-windows.ts). */
  readonly dev?: RuntimeDevVersion;
  readonly level: Exclude<Level, 'INFO'>;
}

export interface Requirement {
  /**
   * Stable, never renumbered: e.g. 'CFG-PROCESS-CWD-ABSOLUTE'. A plain string here, since the
   * catalogue is where ids are defined; `RequirementId` (generated from it) is what citations use.
   */
  readonly id: string;
  readonly spec: SpecName;
  readonly keyword: Keyword;
  /** Spec document, e.g. 'config.md'. */
  readonly doc: string;
  /** Heading anchor inside the document, without '#'. */
  readonly anchor: string;
  /** First spec release with this requirement. */
  readonly since: string;
  /**
   * The runtime-spec dev window (`1.0.2-dev`) on whose main branch the sentence
   * landed before `since` released it, when that can't be derived from the
   * window alone (spec/dev-windows.ts): a document or run at that dev version is
   * held to it, at its own level.
   */
  readonly dev?: RuntimeDevVersion;
  /** Last version that still had it, when it was dropped. */
  readonly until?: string;
  /** Level changes after `since`; the keyword's level applies before the first one. */
  readonly changes?: readonly LevelChange[];
  /** One line, in our own words. */
  readonly summary: string;
  readonly check: CheckedBy;
  /** For keyword IMPLIED: the id of the keyworded requirement that makes this one binding. */
  readonly basis?: RequirementId;
  /** Platforms the requirement is limited to (e.g. ['linux']); absent means all. */
  readonly platforms?: readonly string[];
}
