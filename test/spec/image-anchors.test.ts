/**
 * Every image-spec requirement of the document-side modules links to a heading
 * that exists in its document at the version it appeared in (and at the last
 * release, unless it was dropped). Reads the image-spec git mirror when there is
 * one; skipped elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMAGE_REQUIREMENTS } from '../../spec/image/index.js';
import { LATEST_IMAGE_SPEC } from '../../spec/versions.js';

const REPO = '/work/.mirror/opencontainers+image-spec/repo';
const DOCS = new Set(['descriptor.md', 'manifest.md', 'image-index.md', 'config.md', 'annotations.md', 'media-types.md', 'conversion.md']);

/** GitHub's heading anchor: lower-case, markup and punctuation dropped, spaces to '-'. */
function anchor(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/_/g, '')
    .trim()
    .replace(/\s/g, '-');
}

const cache = new Map<string, Set<string>>();
function anchorsOf(doc: string, version: string): Set<string> {
  const key = `${version}:${doc}`;
  let set = cache.get(key);
  if (!set) {
    const r = spawnSync('git', ['-C', REPO, 'show', `v${version}:${doc}`], { encoding: 'utf8' });
    set = new Set(r.status === 0 ? r.stdout.split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => anchor(l.replace(/^#+ /, ''))) : []);
    cache.set(key, set);
  }
  return set;
}

describe.skipIf(!existsSync(REPO))('image-spec anchors', () => {
  it('resolve at the version a requirement appeared in and at the latest one it holds in', () => {
    const bad: string[] = [];
    for (const r of IMAGE_REQUIREMENTS.filter((x) => DOCS.has(x.doc))) {
      for (const v of [r.since, r.until ?? LATEST_IMAGE_SPEC])
        if (!anchorsOf(r.doc, v).has(r.anchor)) bad.push(`${r.id}: #${r.anchor} not in ${r.doc} at ${v}`);
    }
    expect(bad).toEqual([]);
  });
});
