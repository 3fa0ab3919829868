/** Image-spec schema sources (manifest, index, image config, descriptor, oci-layout), by version. */
import type { SchemaSource } from '../registry.js';

export function imageSchemaSources(): SchemaSource[] {
  return [];
}
