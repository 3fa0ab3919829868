/**
 * The runtime-spec corpus is big enough (at least 200 invalid and 40 valid
 * cases) and its valid documents, together, use every property our schemas
 * define for config, state and features at the latest release.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaSources } from '../../validators/schemas/registry.js';
import { LATEST_RUNTIME_SPEC } from '../../spec/versions.js';
import { readCases, unusedProperties } from './corpus-files.js';

const cases = readCases(join(import.meta.dirname, '..', 'corpus', 'runtime'));

describe('runtime-spec corpus', () => {
  it('has at least 200 invalid and 40 valid cases', () => {
    expect(cases.filter((c) => !c.expect.valid).length).toBeGreaterThanOrEqual(200);
    expect(cases.filter((c) => c.expect.valid).length).toBeGreaterThanOrEqual(40);
  });

  it('uses every schema property of config, state and features in its valid documents', async () => {
    const sources = schemaSources().filter((s) => s.version === LATEST_RUNTIME_SPEC && ['config', 'state', 'features'].includes(s.kind));
    expect(await unusedProperties(cases, sources)).toEqual([]);
  });
});
