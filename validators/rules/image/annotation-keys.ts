/** Annotation keys that OCI specifications define, with the release that defines each. */

/** image-spec annotations.md and conversion.md keys (org.opencontainers.image.*). */
export const IMAGE_KEYS: Readonly<Record<string, string>> = {
  'org.opencontainers.image.created': '1.0.0',
  'org.opencontainers.image.authors': '1.0.0',
  'org.opencontainers.image.url': '1.0.0',
  'org.opencontainers.image.documentation': '1.0.0',
  'org.opencontainers.image.source': '1.0.0',
  'org.opencontainers.image.version': '1.0.0',
  'org.opencontainers.image.revision': '1.0.0',
  'org.opencontainers.image.vendor': '1.0.0',
  'org.opencontainers.image.licenses': '1.0.0',
  'org.opencontainers.image.ref.name': '1.0.0',
  'org.opencontainers.image.title': '1.0.0',
  'org.opencontainers.image.description': '1.0.0',
  'org.opencontainers.image.base.digest': '1.1.0',
  'org.opencontainers.image.base.name': '1.1.0',
  // implicit annotations of conversion.md
  'org.opencontainers.image.author': '1.0.0',
  'org.opencontainers.image.stopSignal': '1.0.0',
  'org.opencontainers.image.exposedPorts': '1.0.0',
  'org.opencontainers.image.os': '1.1.0',
  'org.opencontainers.image.architecture': '1.1.0',
  'org.opencontainers.image.variant': '1.1.0',
  'org.opencontainers.image.os.version': '1.1.0',
  'org.opencontainers.image.os.features': '1.1.0',
};

/** Keys other OCI specifications define (the artifact and distribution specs). */
export const OTHER_OCI_KEYS: ReadonlySet<string> = new Set([
  'org.opencontainers.artifact.created',
  'org.opencontainers.artifact.description',
  'org.opencontainers.referrers.filtersApplied',
]);

export const OCI_PREFIX = 'org.opencontainers.';
export const IMAGE_PREFIX = 'org.opencontainers.image.';
