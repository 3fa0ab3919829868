/**
 * Every RFC 2119 keyword of image-layout.md and layer.md has a catalogue entry
 * in force at that tag. The spec text comes from the image-spec mirror;
 * without it the test is skipped (and says so).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMAGE_LAYOUT } from '../../../spec/image/image-layout.js';
import { LAYER } from '../../../spec/image/layer.js';
import type { Requirement } from '../../../spec/types.js';
import { IMAGE_SPEC_VERSIONS, inVersionRange } from '../../../spec/versions.js';

const REPO = '/work/.mirror/opencontainers+image-spec/repo';
const KEYWORD = /\b(MUST NOT|MUST|REQUIRED|SHALL NOT|SHALL|SHOULD NOT|SHOULD|RECOMMENDED)\b/g;

/**
 * Entries minus keywords: in image-layout.md the blob digest sentence says MUST
 * twice (the rule and its example), one requirement.
 */
const DOCS: ReadonlyArray<[string, readonly Requirement[], number]> = [
  ['image-layout.md', IMAGE_LAYOUT, -1],
  ['layer.md', LAYER, 0],
];

describe.skipIf(!existsSync(REPO))('image-layout.md and layer.md keywords against the catalogue (needs the image-spec mirror)', () => {
  it.each(DOCS.flatMap(([doc, reqs, extra]) => IMAGE_SPEC_VERSIONS.map((v) => [doc, v, reqs, extra] as const)))('%s v%s', (doc, v, reqs, extra) => {
    const text = execFileSync('git', ['-C', REPO, 'show', `v${v}:${doc}`], { encoding: 'utf8' });
    const keywords = text.match(KEYWORD)?.length ?? 0;
    // an IMPLIED entry has no keyword of its own in the text: not counted
    const entries = reqs.filter((r) => r.keyword !== 'IMPLIED' && inVersionRange(v, r.since, r.until)).length;
    expect(entries).toBe(keywords + extra);
  });

  it('cites only anchors that exist in every version the requirement is in', () => {
    const bad: string[] = [];
    for (const [doc, reqs] of DOCS)
      for (const v of IMAGE_SPEC_VERSIONS) {
        const text = execFileSync('git', ['-C', REPO, 'show', `v${v}:${doc}`], { encoding: 'utf8' });
        const anchors = new Set(
          [...text.matchAll(/^#+\s+(.*)$/gm)].map((m) =>
            m[1]!
              .toLowerCase()
              .replace(/[^a-z0-9 -]/g, '')
              .replace(/ /g, '-'),
          ),
        );
        for (const r of reqs) if (inVersionRange(v, r.since, r.until) && !anchors.has(r.anchor)) bad.push(`${r.id} #${r.anchor} at v${v}`);
      }
    expect(bad).toEqual([]);
  });
});
