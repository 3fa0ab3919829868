/** The features document, from runtime-spec features.md (since 1.1.0). */
import type { Schema } from '../dsl.js';
import { obj, req, str } from '../dsl.js';

export function featuresSchema(_version: string): Schema {
  return obj({ ociVersionMin: req('FEAT-OCIVERSIONMIN', str()) }, { required: ['ociVersionMin'] });
}
