import type { Requirement } from '../types.js';
import { STATIC, entriesOf, untestable } from './entry.js';

const e = entriesOf('image-index.md');
const P = 'image-index-property-descriptions';
const IMPL = 'binds implementations that read indexes, not the index document';
const SUBMIT = 'asks for values to be proposed to the spec; nothing a document shows';

/** Requirements of image-spec image-index.md. */
export const IMAGE_INDEX: readonly Requirement[] = [
  e('IMG-INDEX-CONSUMERS-PROCESS', 'SHOULD', 'oci-image-index-specification', '1.0.0',
    'Image consumers are ready to handle an image index.', untestable(IMPL)),
  e('IMG-INDEX-SCHEMAVERSION-REQUIRED', 'REQUIRED', P, '1.0.0',
    'An index has a schemaVersion.', STATIC),
  e('IMG-INDEX-SCHEMAVERSION-2', 'MUST', P, '1.0.0',
    'An index schemaVersion is the number 2.', STATIC),
  e('IMG-INDEX-MEDIATYPE-SHOULD', 'SHOULD', P, '1.0.2',
    'An index names its own mediaType.', STATIC),
  e('IMG-INDEX-MEDIATYPE-VALUE', 'MUST', P, '1.0.2',
    'An index mediaType, when present, is application/vnd.oci.image.index.v1+json.', STATIC),
  e('IMG-INDEX-ARTIFACTTYPE-RFC6838', 'MUST', P, '1.1.0',
    'An index artifactType, when present, is a well-formed RFC 6838 media type.', STATIC),
  e('IMG-INDEX-MANIFESTS-REQUIRED', 'REQUIRED', P, '1.0.0',
    'An index has a manifests array (both the REQUIRED marker and the MUST sentence say so); it may be empty.', STATIC),
  e('IMG-INDEX-MANIFEST-SUPPORT', 'MUST', P, '1.0.0',
    'Implementations understand manifests entries of the OCI image manifest media type.', untestable(IMPL)),
  e('IMG-INDEX-NESTED-SUPPORT', 'SHOULD', P, '1.1.0',
    'Implementations also understand nested indexes in manifests.', untestable(IMPL)),
  e('IMG-INDEX-MANIFESTS-PORTABLE', 'SHOULD', P, '1.0.0',
    'Portable indexes point only at OCI manifests (and, from 1.1.0, OCI indexes).', STATIC),
  e('IMG-INDEX-UNKNOWN-MEDIATYPE', 'SHOULD', P, '1.0.0',
    'An unknown manifests media type is ignored without error (a MUST NOT error from 1.1.0).', untestable(IMPL),
    { changes: [{ since: '1.1.0', level: 'MUST' }] }),
  e('IMG-INDEX-PLATFORM-PRESENT', 'SHOULD', P, '1.0.0',
    'A manifests entry whose target is platform-specific has a platform.',
    untestable('whether a target is platform-specific is known only from its config, not from the index')),
  e('IMG-INDEX-PLATFORM-ARCH-REQUIRED', 'REQUIRED', P, '1.0.0',
    'A platform names its architecture.', STATIC),
  e('IMG-INDEX-PLATFORM-ARCH-GOARCH', 'SHOULD', P, '1.0.0',
    'platform.architecture is one of the GOARCH values Go documents.', STATIC),
  e('IMG-INDEX-PLATFORM-OS-REQUIRED', 'REQUIRED', P, '1.0.0',
    'A platform names its operating system.', STATIC),
  e('IMG-INDEX-PLATFORM-OS-GOOS', 'SHOULD', P, '1.0.0',
    'platform.os is one of the GOOS values Go documents.', STATIC),
  e('IMG-INDEX-PLATFORM-OSFEATURES-WINDOWS', 'SHOULD', P, '1.0.0',
    'On windows, platform os.features uses the values the spec lists (win32k).', STATIC),
  e('IMG-INDEX-PLATFORM-OSFEATURES-SUBMIT', 'SHOULD', P, '1.0.0',
    'os.features values for other systems are proposed to the spec.', untestable(SUBMIT)),
  e('IMG-INDEX-PLATFORM-VARIANT-TABLE', 'SHOULD', P, '1.0.0',
    'platform.variant is one the spec lists for the architecture.', STATIC),
  e('IMG-INDEX-PLATFORM-VARIANT-SUBMIT', 'SHOULD', P, '1.0.0',
    'Variants missing from the table are proposed to the spec.', untestable(SUBMIT)),
  e('IMG-INDEX-VARIANT-GO-ANALOG', 'SHOULD', 'platform-variants', '1.1.1',
    'Variant values follow their Go counterparts (GOARM, GOARM64, GOPPC64, GORISCV64, GOAMD64).', STATIC),
  e('IMG-INDEX-FIRST-MATCH', 'SHOULD', P, '1.1.0',
    'When several manifests fit, a client takes the first.', untestable(IMPL)),
  e('IMG-INDEX-ANNOTATIONS-RULES', 'MUST', P, '1.0.0',
    'Index annotations follow the annotation rules of annotations.md.', STATIC),
];
