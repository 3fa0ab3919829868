import { describe, expect, it } from 'vitest';
import { findRefused } from '../../../suites/misc/_lib/refused.js';

/** A runtime that refuses any group holding one of `bad`, or holding all of one of `pairs`. */
function runtime(bad: string[], pairs: string[][] = []) {
  const tried: string[][] = [];
  const attempt = async (g: readonly string[]) => {
    tried.push([...g]);
    const hit = g.find((o) => bad.includes(o));
    if (hit) return `unknown mount option ${hit}`;
    return pairs.some((p) => p.every((o) => g.includes(o))) ? 'conflict' : undefined;
  };
  return { attempt, tried };
}

const OPTIONS = Array.from({ length: 58 }, (_, i) => `o${i}`);

describe('finding the refused mount options by halves', () => {
  it('all accepted: one attempt, nothing refused', async () => {
    const rt = runtime([]);
    expect(await findRefused(OPTIONS, rt.attempt)).toEqual({ refused: [], combinations: [], attempts: 1 });
  });

  it("one refused among 58 (runc 1.1.5's 'defaults'): named with its evidence in 13 attempts, not 59", async () => {
    const rt = runtime(['o17']);
    const r = await findRefused(OPTIONS, rt.attempt);
    expect(r.refused).toEqual([{ item: 'o17', detail: 'unknown mount option o17' }]);
    expect(r.combinations).toEqual([]);
    expect(r.attempts).toBe(13);
    expect(rt.tried[0]).toEqual(OPTIONS);
  });

  it('several refused: each named once, in list order', async () => {
    const r = await findRefused(OPTIONS, runtime(['o3', 'o40', 'o41']).attempt);
    expect(r.refused.map((x) => x.item)).toEqual(['o3', 'o40', 'o41']);
    expect(r.attempts).toBeLessThan(OPTIONS.length);
  });

  it('a pair refused only together is reported as a combination, not charged to either option', async () => {
    const r = await findRefused(['ro', 'rw', 'a', 'b'], runtime([], [['ro', 'b']]).attempt);
    expect(r.refused).toEqual([]);
    expect(r.combinations).toEqual([['ro', 'rw', 'a', 'b']]);
  });

  it('nothing to try: no attempt', async () => {
    const rt = runtime(['x']);
    expect(await findRefused([], rt.attempt)).toEqual({ refused: [], combinations: [], attempts: 0 });
    expect(rt.tried).toEqual([]);
  });
});
