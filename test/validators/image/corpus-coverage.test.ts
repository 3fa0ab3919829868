/**
 * The image document corpus is big enough (at least 200 invalid and 40 valid
 * cases) and its valid documents, together, use every property our schemas
 * define for each image kind at the latest release.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageSchemaSources } from '../../../validators/schemas/image/index.js';
import { LATEST_IMAGE_SPEC } from '../../../spec/versions.js';
import { readCases, unusedProperties } from '../corpus-files.js';

const ROOT = join(import.meta.dirname, '..', '..', 'corpus', 'image', 'docs');
const cases = readCases(ROOT);

describe('image document corpus', () => {
  it('has at least 200 invalid and 40 valid cases', () => {
    expect(cases.filter((c) => !c.expect.valid).length).toBeGreaterThanOrEqual(200);
    expect(cases.filter((c) => c.expect.valid).length).toBeGreaterThanOrEqual(40);
  });

  it('uses every schema property of every image kind in its valid documents', async () => {
    // image documents declare no spec version: each is validated as the latest, so a forced one is not passed here
    const sources = imageSchemaSources().filter((s) => s.version === LATEST_IMAGE_SPEC);
    expect(await unusedProperties(cases.map(({ specVersion: _, ...c }) => c), sources)).toEqual([]);
  });
});
