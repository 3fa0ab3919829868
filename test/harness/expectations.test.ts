import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithExpectations, loadExpectations, newViolations, type Expectation, type ExpectationFile } from '../../harness/expectations.js';
import type { CaseResult, Violation } from '../../harness/model.js';

const viol = (requirement: string, path?: string, level: Violation['level'] = 'MUST'): Violation => ({ requirement, level, message: `${requirement} ${path ?? ''}`.trim(), ...(path === undefined ? {} : { path }) });
const result = (id: string, status: 'fail' | 'warn', violations: Violation[]): CaseResult => ({
  id,
  title: id,
  file: '',
  requirements: [],
  outcome: { status, violations },
  durationMs: 0,
  calls: [],
  notes: [],
  configs: [],
});
const judge = (e: Expectation, r: CaseResult) => compareWithExpectations('f', { expectations: { [r.id]: e } }, [r], new Set([r.id]));

describe('expectations that name their deviation', () => {
  const env: Expectation = { status: 'warn', reason: 'runc adds HOME', violations: [{ requirement: 'CFG-ENV', path: 'HOME' }] };

  it('the named violation alone matches the baseline', () => {
    expect(judge(env, result('x', 'warn', [viol('CFG-ENV', 'HOME', 'SHOULD')]))).toEqual({ file: 'f', unexpected: [], stale: [] });
  });

  it('another path of the same requirement is unexpected, with what was new', () => {
    const rep = judge(env, result('x', 'warn', [viol('CFG-ENV', 'HOME', 'SHOULD'), viol('CFG-ENV', 'FOO', 'SHOULD')]));
    expect(rep.unexpected).toEqual([{ id: 'x', expected: 'warn', actual: 'warn', new: [{ requirement: 'CFG-ENV', path: 'FOO', message: 'CFG-ENV FOO' }] }]);
    expect(rep.stale).toEqual([]);
  });

  it('another requirement is unexpected even when the status is the expected one', () => {
    const e: Expectation = { status: 'fail', reason: 'r', requirement: 'A' };
    expect(judge(e, result('x', 'fail', [viol('A'), viol('A', 'p')])).unexpected).toEqual([]);
    expect(judge(e, result('x', 'fail', [viol('A'), viol('B')])).unexpected).toEqual([{ id: 'x', expected: 'fail', actual: 'fail', new: [{ requirement: 'B', message: 'B' }] }]);
  });

  it('a requirement array names each of its ids; a violations entry without path matches every path', () => {
    const e: Expectation = { status: 'fail', reason: 'r', requirement: ['A', 'B'] };
    expect(judge(e, result('x', 'fail', [viol('A'), viol('B', 'q')])).unexpected).toEqual([]);
    const f: Expectation = { status: 'fail', reason: 'r', violations: [{ requirement: 'A' }, { requirement: 'B', path: 'q' }] };
    expect(newViolations(f, result('x', 'fail', [viol('A', 'any'), viol('B', 'q'), viol('B', 'r')]))).toEqual([{ requirement: 'B', path: 'r', message: 'B r' }]);
  });

  it('a new violation below the threshold still counts: the entry says exactly what is expected', () => {
    const e: Expectation = { status: 'fail', reason: 'r', requirement: 'A' };
    expect(judge(e, result('x', 'fail', [viol('A'), viol('S', undefined, 'SHOULD')])).unexpected[0]?.new).toEqual([{ requirement: 'S', message: 'S' }]);
    // and a warn that replaced the expected fail with another deviation is unexpected, not stale
    const rep = judge(e, result('x', 'warn', [viol('S', undefined, 'SHOULD')]));
    expect(rep.unexpected.map((u) => u.id)).toEqual(['x']);
    expect(rep.stale).toEqual([]);
  });

  it('an entry naming no requirement keeps the status-only meaning', () => {
    const e: Expectation = { status: 'fail', reason: 'r' };
    expect(judge(e, result('x', 'fail', [viol('A'), viol('B')]))).toEqual({ file: 'f', unexpected: [], stale: [] });
  });

  it('loading refuses malformed names with one line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oci-conform-exp-'));
    const f = join(dir, 'e.json');
    const write = (x: unknown): Promise<void> => writeFile(f, JSON.stringify({ expectations: { x: { status: 'fail', reason: 'r', ...(x as object) } } }));
    try {
      await write({ requirement: [] });
      expect(() => loadExpectations(f)).toThrow(/expectations\.x\.requirement: a requirement id or a non-empty array/);
      await write({ violations: [{ path: 'HOME' }] });
      expect(() => loadExpectations(f)).toThrow(/expectations\.x\.violations\[0\]\.requirement/);
      await write({ requirement: 'A', violations: [{ requirement: 'B' }] });
      expect(() => loadExpectations(f)).toThrow(/B is not in "requirement"/);
      await write({ requirement: 'A', violations: [{ requirement: 'A', path: 'HOME' }] });
      const doc: ExpectationFile = loadExpectations(f);
      expect(doc.expectations.x?.violations).toEqual([{ requirement: 'A', path: 'HOME' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('every fail and warn entry of the runc baselines names its requirement', async () => {
    const { readdir } = await import('node:fs/promises');
    const dir = join(import.meta.dirname, '..', '..', 'ci', 'expectations');
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json'))) {
      const doc = loadExpectations(join(dir, name));
      for (const [id, e] of Object.entries(doc.expectations)) {
        if (e.status === 'fail' || e.status === 'warn') expect(e.requirement ?? e.violations, `${name}: ${id}`).toBeDefined();
      }
    }
  });
});
