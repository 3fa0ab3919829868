import type { Requirement } from '../types.js';
import { STATIC, entriesOf, untestable } from './entry.js';

const e = entriesOf('annotations.md');
const INTENT = 'depends on how the image was built, which the document does not record';

/** Requirements of image-spec annotations.md. */
export const ANNOTATIONS: readonly Requirement[] = [
  e('IMG-ANNOT-MAP-STRINGS', 'MUST', 'rules', '1.0.0',
    'Annotations are a map whose keys and values are all strings.', STATIC),
  e('IMG-ANNOT-VALUE-PRESENT', 'MUST', 'rules', '1.0.0',
    'Every annotation key has a value, possibly the empty string.',
    untestable('JSON gives every member a value; a null value is reported as not a string (IMG-ANNOT-MAP-STRINGS)')),
  e('IMG-ANNOT-KEYS-UNIQUE', 'MUST', 'rules', '1.0.0',
    'No key appears twice in one annotations map.',
    untestable('checked for every object of every document by the strict JSON parser (json.duplicate-key)')),
  e('IMG-ANNOT-REVERSE-DOMAIN', 'SHOULD', 'rules', '1.0.0',
    'Annotation keys are namespaced in reverse domain notation, such as com.example.key.', STATIC),
  e('IMG-ANNOT-OCI-PREFIX-RESERVED', 'MUST NOT', 'rules', '1.0.0',
    'Keys under org.opencontainers are left to OCI specifications.', STATIC),
  e('IMG-ANNOT-IMAGE-NS-RESERVED', 'MUST NOT', 'rules', '1.0.0',
    'Keys under org.opencontainers.image are left to the image spec itself.', STATIC),
  e('IMG-ANNOT-EMPTY-ABSENT', 'MUST', 'rules', '1.0.0',
    'Without annotations the property is absent or an empty map (not null).', STATIC),
  e('IMG-ANNOT-UNKNOWN-NO-ERROR', 'MUST NOT', 'rules', '1.0.0',
    'Consumers do not fail on annotation keys they do not know.',
    untestable('binds consumers; oci-validate reports unknown keys only inside the reserved OCI namespaces')),
  e('IMG-ANNOT-REF-NAME-INDEX-ONLY', 'SHOULD', 'pre-defined-annotation-keys', '1.0.0',
    'org.opencontainers.image.ref.name is meaningful only on descriptors in a layout index.json.', STATIC),
  e('IMG-ANNOT-REF-NAME-CHARSET', 'SHOULD', 'pre-defined-annotation-keys', '1.0.0',
    'A ref.name value uses only A-Za-z0-9 and the separators - . _ : @ / +.', STATIC),
  e('IMG-ANNOT-BASE-DIGEST-IMMEDIATE', 'SHOULD', 'pre-defined-annotation-keys', '1.1.0',
    'base.digest names the immediate base image (the FROM image), sharing its first layers.', untestable(INTENT)),
  e('IMG-ANNOT-BASE-DIGEST-NOT-OTHERS', 'SHOULD NOT', 'pre-defined-annotation-keys', '1.1.0',
    'base.digest does not name other images used during the build.', untestable(INTENT)),
  e('IMG-ANNOT-BASE-NAME-FORMAT', 'SHOULD', 'pre-defined-annotation-keys', '1.1.0',
    'base.name is an image reference in the distribution/distribution reference form.', STATIC),
  e('IMG-ANNOT-BASE-NAME-QUALIFIED', 'SHOULD', 'pre-defined-annotation-keys', '1.1.0',
    'base.name is fully qualified, registry host included.', STATIC),
  e('IMG-ANNOT-BASE-NAME-IMMEDIATE', 'SHOULD', 'pre-defined-annotation-keys', '1.1.0',
    'base.name names the immediate base image, sharing its first layers.', untestable(INTENT)),
  e('IMG-ANNOT-BASE-NAME-NOT-OTHERS', 'SHOULD NOT', 'pre-defined-annotation-keys', '1.1.0',
    'base.name does not name other images used during the build.', untestable(INTENT)),
  e('IMG-ANNOT-BASE-DIGEST-OF-REF', 'SHOULD', 'pre-defined-annotation-keys', '1.1.0',
    'With base.name set, base.digest is the digest of the manifest that reference resolves to.',
    untestable('needs resolving a reference against a registry')),
];
