/** Image-spec schema sources (manifest, index, image config, descriptor, oci-layout), by version. */
import type { Schema, SchemaSource } from '../dsl.js';
import { IMAGE_SPEC_VERSIONS } from '../../../spec/versions.js';
import { manifestSchema } from './manifest.js';
import { indexSchema } from './image-index.js';
import { imageConfigSchema } from './config.js';
import { descriptorSchema } from './descriptor.js';
import { ociLayoutSchema } from './oci-layout.js';

const BY_KIND: ReadonlyArray<readonly [string, (version: string) => Schema]> = [
  ['manifest', manifestSchema],
  ['index', indexSchema],
  ['image-config', imageConfigSchema],
  ['descriptor', descriptorSchema],
  ['oci-layout', ociLayoutSchema],
];

export function imageSchemaSources(): SchemaSource[] {
  const out: SchemaSource[] = [];
  for (const version of IMAGE_SPEC_VERSIONS)
    for (const [kind, schema] of BY_KIND) out.push({ kind, version, schema: () => schema(version) });
  return out;
}
