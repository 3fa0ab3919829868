/** A stand-alone content descriptor (application/vnd.oci.descriptor.v1+json). */
import type { Schema } from '../dsl.js';
import { descriptor } from './common.js';

export function descriptorSchema(version: string): Schema {
  // platform is an extended descriptor field (descriptor.md points to image-index.md for it)
  // a node without a requirement of its own cites the descriptor's property definitions
  return descriptor(version, { platform: true, requirement: 'IMG-DESC-PROPERTY-FORM' });
}
