/**
 * The mediaType a manifest or index gives itself: SHOULD be there and MUST be
 * its own type (both from 1.0.2). Before that the field was only reserved and
 * described without a keyword, so a wrong value cites the property's
 * definition (IMG-MANIFEST/INDEX-PROPERTY-FORM) lowered to SHOULD.
 * Shared by the manifest and index rules.
 */
import type { RuleFinding } from '../rule.js';
import type { ImageRequirementId } from '../../../spec/types.js';
import type { JsonValue } from '../../json/parse.js';
import { isObject, prop } from '../../json/values.js';
import { compareVersions } from '../../../spec/versions.js';
import { MT_INDEX, MT_MANIFEST } from '../../image/media-types.js';
import { isForeignDocument } from './artifact.js';

export interface OwnMediaType {
  readonly expected: string;
  readonly should: ImageRequirementId;
  readonly must: ImageRequirementId;
  /** The definition of the document's properties, cited before 1.0.2 (lowered to SHOULD). */
  readonly form: ImageRequirementId;
  readonly what: string;
}

export const MANIFEST_OWN = { expected: MT_MANIFEST, should: 'IMG-MANIFEST-MEDIATYPE-SHOULD', must: 'IMG-MANIFEST-MEDIATYPE-VALUE', form: 'IMG-MANIFEST-PROPERTY-FORM', what: 'image manifest' } as const satisfies OwnMediaType;
export const INDEX_OWN = { expected: MT_INDEX, should: 'IMG-INDEX-MEDIATYPE-SHOULD', must: 'IMG-INDEX-MEDIATYPE-VALUE', form: 'IMG-INDEX-PROPERTY-FORM', what: 'image index' } as const satisfies OwnMediaType;

/** The findings for `own`, citing its three requirements (the rule lists the same). */
export function* ownMediaType<O extends OwnMediaType>(doc: JsonValue, version: string, own: O): Generator<RuleFinding<O['should'] | O['must'] | O['form']>> {
  if (!isObject(doc) || isForeignDocument(doc)) return; // not an object: the schema says so; Docker: image.docker-format does
  const described = compareVersions(version, '1.0.2') >= 0;
  const mt = prop(doc, 'mediaType');
  if (mt === undefined) {
    if (described) yield { requirement: own.should, pointer: '', message: `${own.what} has no mediaType; ${own.expected} is expected`, params: { expected: own.expected } };
    return;
  }
  if (typeof mt !== 'string' || mt === own.expected) return;
  const other: OwnMediaType = own.expected === MT_MANIFEST ? INDEX_OWN : MANIFEST_OWN;
  const message =
    mt === other.expected
      ? `mediaType names the ${other.what} type (${mt}), but the document is read as an ${own.what} (by its members or --kind); ${own.expected} is expected`
      : `mediaType of an ${own.what} must be ${own.expected}, not ${JSON.stringify(mt)}`;
  // before 1.0.2 the field was reserved without a keyword: still wrong, but a warning
  yield described
    ? { requirement: own.must, pointer: '/mediaType', message, params: { expected: own.expected, actual: mt } }
    : { level: 'SHOULD', requirement: own.form, pointer: '/mediaType', message, params: { expected: own.expected, actual: mt } };
}
