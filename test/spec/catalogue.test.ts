import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../spec/catalogue.js';
import { RUNTIME_SPEC_VERSIONS, IMAGE_SPEC_VERSIONS, parseSemVer } from '../../spec/versions.js';
import { RULES } from '../../validators/rules/select.js';
import { staticCitations } from '../../validators/citations.js';

const ids = new Set(CATALOGUE.map((r) => r.id));
const KEYWORDS = new Set(['MUST', 'MUST NOT', 'REQUIRED', 'SHALL', 'SHALL NOT', 'SHOULD', 'SHOULD NOT', 'RECOMMENDED', 'IMPLIED']);

describe('requirement catalogue', () => {
  it('has no duplicate ids', () => {
    const seen = new Set<string>();
    const dups = CATALOGUE.filter((r) => (seen.has(r.id) ? true : (seen.add(r.id), false))).map((r) => r.id);
    expect(dups).toEqual([]);
  });

  it('has every field filled in, with ids in UPPER-KEBAB form', () => {
    const bad = CATALOGUE.filter(
      (r) =>
        !/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/.test(r.id) ||
        !KEYWORDS.has(r.keyword) ||
        !r.doc.endsWith('.md') ||
        !/^[a-z0-9-]+$/.test(r.anchor) ||
        !parseSemVer(r.since) ||
        r.summary.trim().length < 10 ||
        (r.check.by === 'untestable' && r.check.why.trim().length < 10),
    ).map((r) => r.id);
    expect(bad).toEqual([]);
  });

  it('gives every IMPLIED entry a keyworded basis that exists, and no other entry a basis', () => {
    const byId = new Map(CATALOGUE.map((r) => [r.id, r]));
    const bad = CATALOGUE.filter((r) => {
      if (r.keyword !== 'IMPLIED') return r.basis !== undefined;
      const b = r.basis ? byId.get(r.basis) : undefined;
      return !b || b.keyword === 'IMPLIED';
    }).map((r) => r.id);
    expect(bad).toEqual([]);
  });

  it('names only released versions', () => {
    const bad = CATALOGUE.filter((r) => {
      const versions: readonly string[] = r.spec === 'runtime-spec' ? RUNTIME_SPEC_VERSIONS : r.spec === 'runtime-cli' ? ['1.0.0'] : IMAGE_SPEC_VERSIONS;
      return !versions.includes(r.since) || (r.until !== undefined && !versions.includes(r.until)) || (r.changes ?? []).some((c) => !versions.includes(c.since));
    }).map((r) => r.id);
    expect(bad).toEqual([]);
  });

  it('is cited only by known ids, from rules and schemas', async () => {
    const cited = await staticCitations();
    expect([...cited].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has every requirement marked static cited by a rule or a schema, and every cited one marked static', async () => {
    const cited = await staticCitations();
    const claimedStatic = CATALOGUE.filter((r) => r.check.by === 'static' || r.check.by === 'both');
    expect(claimedStatic.filter((r) => !cited.has(r.id)).map((r) => r.id)).toEqual([]);
    const unclaimed = CATALOGUE.filter((r) => cited.has(r.id) && r.check.by !== 'static' && r.check.by !== 'both').map((r) => r.id);
    expect(unclaimed).toEqual([]);
  });

  it('has rules with unique ids that apply to something', () => {
    const seen = new Set<string>();
    for (const r of RULES) {
      expect(seen.has(r.id), `duplicate rule id ${r.id}`).toBe(false);
      seen.add(r.id);
      expect(r.appliesTo.length).toBeGreaterThan(0);
    }
  });
});
