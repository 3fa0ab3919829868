/**
 * A compact way to write image-spec catalogue entries: one call per normative
 * sentence, with the document fixed per module.
 */
import type { CheckedBy, Keyword, LevelChange, Requirement, RequirementId } from '../types.js';

export const STATIC: CheckedBy = { by: 'static' };

export function untestable(why: string): CheckedBy {
  return { by: 'untestable', why };
}

export interface EntryExtra {
  readonly until?: string;
  readonly changes?: readonly LevelChange[];
  /** For keyword IMPLIED: the keyworded entry that makes it binding. */
  readonly basis?: RequirementId;
}

/** Returns a builder of entries of one image-spec document. */
export function entriesOf(doc: string) {
  return (
    id: string,
    keyword: Keyword,
    anchor: string,
    since: string,
    summary: string,
    check: CheckedBy,
    extra: EntryExtra = {},
  ): Requirement => ({ id, spec: 'image-spec', doc, keyword, anchor, since, summary, check, ...extra });
}
