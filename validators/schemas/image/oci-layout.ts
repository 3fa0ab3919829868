/** The oci-layout marker file of image-spec image-layout.md. */
import type { Schema } from '../dsl.js';
import { obj, req, str } from '../dsl.js';

export function ociLayoutSchema(_version: string): Schema {
  return obj(
    { imageLayoutVersion: req('IMG-LAYOUT-OCI-LAYOUT-VERSION', str()) },
    { required: ['imageLayoutVersion'], requirement: 'IMG-LAYOUT-OCI-LAYOUT-OBJECT' },
  );
}
