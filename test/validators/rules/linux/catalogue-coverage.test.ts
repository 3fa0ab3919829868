/**
 * Every RFC 2119 keyword of config-linux.md has a catalogue entry in force at
 * that tag. The spec text comes from the runtime-spec mirror; without it the
 * test is skipped (and says so).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_LINUX } from '../../../../spec/runtime/config-linux.js';
import { RUNTIME_SPEC_VERSIONS, inVersionRange } from '../../../../spec/versions.js';

const REPO = '/work/.mirror/opencontainers+runtime-spec/repo';
const KEYWORD = /\b(MUST NOT|MUST|REQUIRED|SHALL NOT|SHALL|SHOULD NOT|SHOULD|RECOMMENDED)\b/g;

/**
 * Entries beyond one per keyword: 1.0.0 gives the four throttle lists one
 * shared major/minor line and one rate line (we keep bps and iops apart), and
 * from 1.0.2 the pre-configured closID sentence holds two MUSTs for three
 * requirements (check, assign, error when missing).
 */
const EXTRA: Readonly<Record<string, number>> = { '1.0.0': 2, '1.0.1': 0, '1.0.2': 1, '1.1.0': 1, '1.2.0': 1, '1.2.1': 1, '1.3.0': 1 };

describe.skipIf(!existsSync(REPO))('config-linux.md keywords against the catalogue (needs the runtime-spec mirror)', () => {
  it.each([...RUNTIME_SPEC_VERSIONS])('covers every keyword of v%s', (v) => {
    const text = execFileSync('git', ['-C', REPO, 'show', `v${v}:config-linux.md`], { encoding: 'utf8' });
    const keywords = text.match(KEYWORD)?.length ?? 0;
    // IMPLIED entries stand for sentences without a keyword, so they are not counted here
    const entries = CONFIG_LINUX.filter((r) => r.keyword !== 'IMPLIED' && inVersionRange(v, r.since, r.until)).length;
    expect(entries).toBe(keywords + EXTRA[v]!);
  });
});
