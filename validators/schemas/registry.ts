/**
 * Every (kind, version) schema that the build compiles to standalone ajv code.
 * Image-spec kinds are added here beside the runtime-spec ones.
 */
import type { SchemaSource } from './dsl.js';
import { RUNTIME_SPEC_POINTS, compareVersions } from '../../spec/versions.js';
import { configSchema } from './runtime/config.js';
import { stateSchema } from './runtime/state.js';
import { featuresSchema } from './runtime/features.js';
import { imageSchemaSources } from './image/index.js';

export type { SchemaSource };

export function schemaSources(): SchemaSource[] {
  const out: SchemaSource[] = [];
  // releases and the X.Y.Z-dev windows between them (spec/dev-windows.ts)
  for (const v of RUNTIME_SPEC_POINTS) {
    out.push({ kind: 'config', version: v, schema: () => configSchema(v) });
    out.push({ kind: 'state', version: v, schema: () => stateSchema(v) });
    // features.md first appeared in 1.1.0 (after 1.1.0-rc.1: not in the 1.0.2-dev window)
    if (compareVersions(v, '1.1.0') >= 0) out.push({ kind: 'features', version: v, schema: () => featuresSchema(v) });
  }
  out.push(...imageSchemaSources());
  return out;
}
