import { describe, expect, it } from 'vitest';
import { loadMeta, loadSchema } from '../../../validators/schemas/load.js';
import { extractMeta } from '../../../validators/schemas/meta.js';
import { schemaSources } from '../../../validators/schemas/registry.js';

describe('loadMeta', () => {
  // the generated .meta.js modules parse each field on first use: what they give must be what extractMeta gave the build
  it.each(schemaSources().map((s) => [`${s.kind}@${s.version}`, s] as const))('%s gives the metadata of its schema', async (_, src) => {
    const meta = await loadMeta(src.kind, src.version)!;
    const expected = extractMeta(src.schema());
    expect(Object.keys(meta).sort()).toEqual(Object.keys(expected).sort());
    expect(JSON.parse(JSON.stringify(meta))).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(meta.trie).toBe(meta.trie); // parsed once, then kept
  });

  it('is the metadata the validator module carries', async () => {
    const schema = await loadSchema('config', '1.0.2')!;
    expect(JSON.stringify(schema.meta.requirements)).toBe(JSON.stringify((await loadMeta('config', '1.0.2'))!.requirements));
  });

  it('knows no unknown pair', () => {
    expect(loadMeta('config', '0.9.0')).toBeUndefined();
    expect(loadSchema('nope', '1.0.0')).toBeUndefined();
  });
});
