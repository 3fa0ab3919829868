/** The image manifest of image-spec manifest.md, for one spec version. */
import type { Schema } from '../dsl.js';
import { arr, obj, req, since, str } from '../dsl.js';
import { annotationMap, descriptor, presentWith } from './common.js';

export function manifestSchema(version: string): Schema {
  return obj(
    {
      schemaVersion: presentWith('IMG-MANIFEST-SCHEMAVERSION-REQUIRED', req('IMG-MANIFEST-SCHEMAVERSION-2', { const: 2 })),
      // reserved in 1.0.0 and 1.0.1, described from 1.0.2; the value is checked by a rule
      mediaType: req('IMG-MANIFEST-MEDIATYPE-VALUE', str()),
      artifactType: since('1.1.0', version, req('IMG-MANIFEST-ARTIFACTTYPE-RFC6838', str())),
      config: req('IMG-MANIFEST-CONFIG-REQUIRED', descriptor(version)),
      layers: req('IMG-MANIFEST-LAYERS-DESCRIPTORS', arr(descriptor(version, { requirement: 'IMG-MANIFEST-LAYERS-DESCRIPTORS' }))),
      subject: since('1.1.0', version, descriptor(version)),
      annotations: annotationMap('IMG-MANIFEST-ANNOTATIONS-RULES'),
    },
    { required: ['schemaVersion', 'config'], requirement: 'IMG-MANIFEST-PROPERTY-FORM' },
  );
}
