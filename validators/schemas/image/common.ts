/**
 * Pieces shared by the image-spec schemas: descriptors, platforms and
 * annotation maps. Written from descriptor.md, image-index.md and
 * annotations.md; value formats (digests, media types, URLs) are checked by
 * rules, which can give clearer messages than a pattern.
 */
import type { RequirementId } from '../../../spec/types.js';
import type { Schema } from '../dsl.js';
import { arr, int, obj, req, since, str } from '../dsl.js';

/**
 * A string-to-string map under the annotation rules. null is let through here
 * so that the annotations rule can report it as its own requirement (absent or
 * empty, never null), except in an image config, where any optional field may be null.
 */
export function annotationMap(requirement: RequirementId): Schema {
  return {
    type: ['object', 'null'],
    additionalProperties: req('IMG-ANNOT-MAP-STRINGS', str()),
    'x-requirement': requirement,
  };
}

/** A property that is REQUIRED and has a fixed value: presence and value cite different requirements. */
export function presentWith(presence: RequirementId, value: Schema): Schema {
  return { 'x-requirement': presence, allOf: [value] };
}

/** platform of image-index.md: the minimum runtime requirements of a manifest. */
export function platform(): Schema {
  return obj(
    {
      architecture: req('IMG-INDEX-PLATFORM-ARCH-REQUIRED', str()),
      os: req('IMG-INDEX-PLATFORM-OS-REQUIRED', str()),
      'os.version': str(),
      'os.features': arr(str()),
      variant: str(),
      // reserved for future versions of the spec
      features: arr(str()),
    },
    { required: ['architecture', 'os'] },
  );
}

export interface DescriptorOptions {
  /** Add the platform field (descriptors in an index, or stand-alone descriptors). */
  readonly platform?: boolean;
  /** Requirement cited when the descriptor is not an object. */
  readonly requirement?: RequirementId;
}

/** A content descriptor (descriptor.md, "Properties"). */
export function descriptor(version: string, opts: DescriptorOptions = {}): Schema {
  return obj(
    {
      mediaType: req('IMG-DESC-MEDIATYPE-REQUIRED', str()),
      digest: req('IMG-DESC-DIGEST-REQUIRED', str()),
      // a byte count: int64 by the prose, and never negative
      size: req('IMG-DESC-SIZE-REQUIRED', int('int64', { minimum: 0 })),
      urls: req('IMG-DESC-URLS-RFC3986', arr(str())),
      annotations: annotationMap('IMG-DESC-ANNOTATIONS-RULES'),
      data: since('1.1.0', version, req('IMG-DESC-DATA-BASE64', str())),
      artifactType: since('1.1.0', version, req('IMG-DESC-ARTIFACTTYPE-RFC6838', str())),
      platform: opts.platform ? platform() : undefined,
    },
    { required: ['mediaType', 'digest', 'size'], ...(opts.requirement ? { requirement: opts.requirement } : {}) },
  );
}
