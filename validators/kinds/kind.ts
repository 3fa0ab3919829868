import type { SpecName } from '../../spec/types.js';
import type { JsonValue } from '../json/parse.js';

/** A kind of JSON document we validate. */
export interface DocumentKind {
  readonly name: string;
  readonly spec: SpecName;
  /** What the kind is, for messages ('runtime config', 'image manifest'). */
  readonly title: string;
  /** How sure we are that an untyped document is of this kind: 0 (no) to 1 (certain). */
  readonly detect: (doc: JsonValue) => number;
  /** The spec version the document declares, if it declares one. */
  readonly declaredVersion: (doc: JsonValue) => string | undefined;
  /** The released version whose schema and rules apply to a declared version (undefined: unknown). */
  readonly resolveVersion: (declared: string) => string | undefined;
  /** The version used when the document declares none, or one we don't know. */
  readonly latest: string;
  /** Oldest version the kind exists in (features appeared in 1.1.0). */
  readonly oldest: string;
}
