/**
 * since() for runtime-spec schemas: a property first released in `release` is
 * in the schema of every version from the point it landed on the spec's main
 * branch (spec/versions.ts landedAt): `dev` when given (it landed under
 * 1.0.2-dev, before 1.1.0), the whole window before 1.0.1 and 1.0.2, else the
 * release. 'x-since' holds that point, so json.newer-field agrees with it.
 */
import type { Schema } from '../dsl.js';
import { since as sinceVersion } from '../dsl.js';
import type { RuntimeDevVersion } from '../../../spec/versions.js';
import { landedAt } from '../../../spec/versions.js';

export function since(release: string, version: string, schema: Schema, dev?: RuntimeDevVersion): Schema | undefined {
  return sinceVersion(landedAt(release, dev), version, schema);
}
