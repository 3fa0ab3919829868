import type { Requirement } from '../types.js';
import { entriesOf, untestable } from './entry.js';

const e = entriesOf('media-types.md');
const A = 'media-type-conflicts';
const FETCH = 'binds clients that receive media type metadata with a blob (e.g. a Content-Type header); a document or layout carries none';

/** Requirements of image-spec media-types.md. */
export const MEDIA_TYPES: readonly Requirement[] = [
  e('IMG-MEDIA-NO-EXPECTED-RESPECT', 'SHOULD', A, '1.0.0',
    'Without an expected media type, a client goes by the one the retrieval returned.', untestable(FETCH)),
  e('IMG-MEDIA-MATCHED-RESPECT', 'SHOULD', A, '1.0.0',
    'When expected and returned media types agree, a client uses that type.', untestable(FETCH)),
  e('IMG-MEDIA-MISMATCH-DIGEST-OK', 'SHOULD', A, '1.0.0',
    'On a media type mismatch, a blob that matches the expected digest is taken as the expected type.', untestable(FETCH)),
  e('IMG-MEDIA-MISMATCH-DIGEST-BAD', 'SHOULD', A, '1.0.0',
    'On a media type mismatch, a blob that fails the expected digest is an error.', untestable(FETCH)),
  e('IMG-MEDIA-MISMATCH-NO-DIGEST', 'SHOULD', A, '1.0.0',
    'On a media type mismatch with no expected digest, the client returns an error.', untestable(FETCH)),
];
