/** A stand-alone content descriptor (application/vnd.oci.descriptor.v1+json). */
import type { Schema } from '../dsl.js';
import { descriptor } from './common.js';

export function descriptorSchema(version: string): Schema {
  // platform is an extended descriptor field (descriptor.md points to image-index.md for it)
  return descriptor(version, { platform: true });
}
