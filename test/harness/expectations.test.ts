import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithExpectations, loadExpectations, mergeExpectations, newViolations, type Expectation, type ExpectationFile } from '../../harness/expectations.js';
import type { CaseResult, Condition, Violation } from '../../harness/model.js';

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
    expect(judge(env, result('x', 'warn', [viol('CFG-ENV', 'HOME', 'SHOULD')]))).toEqual({ file: 'f', unexpected: [], stale: [], notJudged: [], skipped: [] });
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
    expect(judge(e, result('x', 'fail', [viol('A'), viol('B')]))).toEqual({ file: 'f', unexpected: [], stale: [], notJudged: [], skipped: [] });
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
    const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const doc = loadExpectations(join(dir, name));
      for (const [id, e] of [doc, ...(doc.groups ?? [])].flatMap((g) => Object.entries(g.expectations))) {
        if (e.status === 'fail' || e.status === 'warn') expect(e.requirement ?? e.violations, `${name}: ${id}`).toBeDefined();
      }
    }
  });
});

describe('expectations across hosts', () => {
  const skipped = (id: string, reason: string, condition?: Condition): CaseResult => ({
    id,
    title: id,
    file: '',
    requirements: [],
    outcome: { status: 'skip', reason, ...(condition ? { condition } : {}) },
    durationMs: 0,
    calls: [],
    notes: [],
    configs: [],
  });
  const passed = (id: string): CaseResult => ({ ...skipped(id, 'x'), outcome: { status: 'pass' } });
  const kernel: Expectation = { status: 'fail', reason: 'runc ignores memory.kernel', requirement: 'LNX-MEMORY-APPLIED' };

  it('an expected fail skipped because the host lacks a condition is not judged on this host: listed, no error', () => {
    const why = "needs cgroup-v1: this host's cgroups do not show memory.kernel (cgroup v2 has no kernel memory limit)";
    const rep = judge(kernel, skipped('linux.cgroups.memory.kernel', why, 'cgroup-v1'));
    expect(rep.unexpected).toEqual([]);
    expect(rep.stale).toEqual([]);
    expect(rep.notJudged).toEqual([{ id: 'linux.cgroups.memory.kernel', expected: 'fail', reason: why, condition: 'cgroup-v1' }]);
    expect(rep.skipped).toEqual([]);
  });

  it('a skip for another reason (a step before failed, a runtime condition) stays visible apart from host skips', () => {
    const plain = judge(kernel, skipped('k', 'the container never started: nothing to inspect'));
    expect(plain.notJudged).toEqual([]);
    expect(plain.skipped).toEqual([{ id: 'k', expected: 'fail', reason: 'the container never started: nothing to inspect' }]);
    // host-pid-view and runtime-features are about the runtime, not the host
    for (const c of ['host-pid-view', 'runtime-features', 'console-socket'] as const) {
      const rep = judge(kernel, skipped('k', `needs ${c}`, c));
      expect(rep.notJudged, c).toEqual([]);
      expect(rep.skipped.map((x) => x.id), c).toEqual(['k']);
    }
  });

  it('an expected fail that ran and passed is still stale, and an expected skip that is skipped is neither', () => {
    expect(judge(kernel, passed('k')).stale).toEqual([{ id: 'k', expected: 'fail', actual: 'pass' }]);
    const rep = judge({ status: 'skip', reason: 'r' }, skipped('k', 'needs cgroup-v1', 'cgroup-v1'));
    expect(rep).toEqual({ file: 'f', unexpected: [], stale: [], notJudged: [], skipped: [] });
  });

  it('loading checks hosts: known words only, one line naming the file and the place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oci-conform-exp-'));
    const f = join(dir, 'e.json');
    try {
      await writeFile(f, JSON.stringify({ hosts: ['cgroup-v1', 'cgroupv2'], expectations: {} }));
      expect(() => loadExpectations(f)).toThrow(new RegExp(`^${f}: hosts\\[1\\]: unknown host word "cgroupv2" \\(known: cgroup-v1, `));
      await writeFile(f, JSON.stringify({ hosts: [], expectations: {} }));
      expect(() => loadExpectations(f)).toThrow(/: hosts: a non-empty array of host words/);
      await writeFile(f, JSON.stringify({ expectations: { x: { status: 'fail', reason: 'r', hosts: ['cgroup-v2+rotless'] } } }));
      expect(() => loadExpectations(f)).toThrow(/expectations\.x\.hosts\[0\]: unknown host word "rotless"/);
      await writeFile(f, JSON.stringify({ expectations: { x: { status: 'fail', reason: 'r', hosts: 'cgroup-v1' } } }));
      expect(() => loadExpectations(f)).toThrow(/expectations\.x\.hosts: a non-empty array/);
      await writeFile(f, JSON.stringify({ hosts: ['cgroup-v1'], expectations: { x: { status: 'fail', reason: 'r', hosts: ['cgroup-hybrid', 'cgroup-v1-only+selinux'] } } }));
      expect(loadExpectations(f).hosts).toEqual(['cgroup-v1']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('merging applies files and entries only on their hosts; a host-limited file overrides a plain one there', () => {
    const hybrid = ['cgroup-v1', 'cgroup-hybrid', 'root', 'cgroupfs'];
    const v2 = ['cgroup-v2', 'root', 'apparmor', 'cgroupfs'];
    const plain: ExpectationFile = {
      expectations: {
        a: { status: 'fail', reason: 'everywhere' },
        k: { status: 'fail', reason: 'v1 only', hosts: ['cgroup-v1'] },
      },
    };
    const onV2: ExpectationFile = { hosts: ['cgroup-v2'], expectations: { a: { status: 'warn', reason: 'on v2' } } };
    const files = [
      { file: 'plain', doc: plain },
      { file: 'v2', doc: onV2 },
    ];
    expect(mergeExpectations(files, undefined, hybrid).expectations).toEqual({ a: plain.expectations.a, k: plain.expectations.k });
    expect(mergeExpectations(files, undefined, v2).expectations).toEqual({ a: onV2.expectations.a });
    // a host we know nothing of (an old report): only what is not limited to hosts
    expect(Object.keys(mergeExpectations(files).expectations)).toEqual(['a']);
    // two entries for one case that hold on disjoint hosts are no conflict; on a host where both hold they are
    const other: ExpectationFile = { expectations: { k: { status: 'warn', reason: 'v2', hosts: ['cgroup-v2'] } } };
    expect(mergeExpectations([...files, { file: 'other', doc: other }], undefined, v2).expectations.k?.reason).toBe('v2');
    expect(() => mergeExpectations([...files, { file: 'other', doc: { expectations: { k: { status: 'warn', reason: 'r', hosts: ['root'] } } } }], undefined, hybrid)).toThrow(/other: expectations\.k is also in plain/);
    // a version-limited file still overrides a host-limited one
    const v13: ExpectationFile = { specVersion: '1.3.0', expectations: { a: { status: 'error', reason: '1.3.0' } } };
    expect(mergeExpectations([...files, { file: 'v13', doc: v13 }], '1.3.0', v2).expectations.a?.reason).toBe('1.3.0');
  });

  it('the committed runc baseline merges on each host profile', async () => {
    const { readdirSync } = await import('node:fs');
    const dir = join(import.meta.dirname, '..', '..', 'ci', 'expectations');
    const docs = readdirSync(dir)
      .filter((f) => f === 'runc.yaml')
      .map((f) => ({ file: f, doc: loadExpectations(join(dir, f)) }));
    expect(docs).toHaveLength(1);
    for (const terms of [['cgroup-v1', 'cgroup-hybrid', 'root', 'cgroupfs'], ['cgroup-v2', 'root', 'apparmor', 'cgroupfs'], ['cgroup-v1', 'cgroup-v1-only', 'root', 'cgroupfs']]) {
      expect(() => mergeExpectations(docs, '1.3.0', terms), terms.join(' ')).not.toThrow();
    }
  });
});
