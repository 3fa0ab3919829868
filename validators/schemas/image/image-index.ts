/** The image index of image-spec image-index.md, for one spec version. */
import type { Schema } from '../dsl.js';
import { arr, obj, req, since, str } from '../dsl.js';
import { annotationMap, descriptor, presentWith } from './common.js';

export function indexSchema(version: string): Schema {
  return obj(
    {
      schemaVersion: presentWith('IMG-INDEX-SCHEMAVERSION-REQUIRED', req('IMG-INDEX-SCHEMAVERSION-2', { const: 2 })),
      mediaType: req('IMG-INDEX-MEDIATYPE-VALUE', str()),
      artifactType: since('1.1.0', version, req('IMG-INDEX-ARTIFACTTYPE-RFC6838', str())),
      manifests: presentWith('IMG-INDEX-MANIFESTS-PRESENT', req('IMG-INDEX-MANIFESTS-REQUIRED', arr(descriptor(version, { platform: true })))),
      subject: since('1.1.0', version, descriptor(version)),
      annotations: annotationMap('IMG-INDEX-ANNOTATIONS-RULES'),
    },
    { required: ['schemaVersion', 'manifests'], requirement: 'IMG-INDEX-PROPERTY-FORM' },
  );
}
