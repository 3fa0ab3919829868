import { describe, expect, it } from 'vitest';
import { globToRegExp, matchesAny, parseShard, selectCases } from '../../harness/plan.js';
import { compareWithExpectations, expandExpectationPaths, loadExpectations, mergeExpectations } from '../../harness/expectations.js';
import { levelOf, outcomeOf, versionGate } from '../../harness/verdict.js';
import type { Requirement } from '../../spec/types.js';
import { OciError } from '../../core/errors.js';
import { defineCase, type CaseResult, type Outcome } from '../../harness/model.js';
import type { LoadedCase } from '../../harness/execute.js';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const c = (id: string): LoadedCase => ({ definition: defineCase({ id, title: id, requirements: ['RT-KILL-SENDS-SIGNAL'], run: async () => undefined }), file: `${id}.case.ts` });
const ids = ['linux.cgroups.pids.limit', 'linux.cgroups.memory.limit', 'linux.namespaces.uts', 'lifecycle.kill.x', 'process.args'];
const v = (level: 'MUST' | 'SHOULD') => ({ requirement: 'X', level, message: 'm' });
const cat = (id: string): Requirement | undefined =>
  (({
    'X-NEW': { id: 'X-NEW', spec: 'runtime-spec', keyword: 'SHOULD', doc: 'config.md', anchor: 'a', since: '1.1.0', changes: [{ since: '1.2.0', level: 'MUST' }], summary: 's', check: { by: 'behavioural' } },
    'X-OLD': { id: 'X-OLD', spec: 'runtime-spec', keyword: 'MUST', doc: 'config.md', anchor: 'a', since: '1.0.0', until: '1.0.2', summary: 's', check: { by: 'behavioural' } },
  }) as Record<string, Requirement>)[id];
const r = (id: string, status: Outcome['status']): CaseResult => ({
  id,
  title: id,
  file: '',
  requirements: [],
  outcome: (status === 'skip' ? { status, reason: 'r' } : status === 'error' ? { status, message: 'm', timedOut: false } : status === 'pass' ? { status } : { status, violations: [] }) as Outcome,
  durationMs: 0,
  calls: [],
  notes: [],
  configs: [],
});

describe('selection', () => {
  it('globs: * within a segment, ** across, a plain prefix selects below it', () => {
    expect(globToRegExp('linux.*.uts').test('linux.namespaces.uts')).toBe(true);
    expect(globToRegExp('linux.*').test('linux.cgroups.pids.limit')).toBe(false);
    expect(globToRegExp('linux.**').test('linux.cgroups.pids.limit')).toBe(true);
    expect(matchesAny('linux.cgroups.pids.limit', ['linux.cgroups'])).toBe(true);
    expect(matchesAny('linux.cgroupsx', ['linux.cgroups'])).toBe(false);
  });

  it('--only, --skip and --shard', () => {
    const all = ids.map(c);
    expect(selectCases(all, { only: ['linux.**'], skip: ['linux.cgroups.memory.*'] }).map((x) => x.definition.id)).toEqual(['linux.cgroups.pids.limit', 'linux.namespaces.uts']);
    const shards = [1, 2, 3].map((k) => selectCases(all, { shard: { index: k, total: 3 } }).map((x) => x.definition.id));
    expect(shards.flat().sort()).toEqual([...ids].sort());
    expect(parseShard('2/3')).toEqual({ index: 2, total: 3 });
    for (const bad of ['0/3', '4/3', '1/0', 'x']) expect(parseShard(bad)).toBeUndefined();
  });
});

describe('verdicts', () => {
  it('the level of each violation against the threshold decides', () => {
    expect(outcomeOf([], 'MUST')).toEqual({ status: 'pass' });
    expect(outcomeOf([v('SHOULD')], 'MUST').status).toBe('warn');
    expect(outcomeOf([v('SHOULD')], 'SHOULD').status).toBe('fail');
    expect(outcomeOf([v('SHOULD'), v('MUST')], 'MUST').status).toBe('fail');
  });
  it('follows level changes between versions', () => {
    expect(levelOf('X-NEW', '1.1.0', cat)).toBe('SHOULD');
    expect(levelOf('X-NEW', '1.2.0', cat)).toBe('MUST');
    expect(() => levelOf('UNKNOWN', '1.2.0', cat)).toThrow(/UNKNOWN is not in the catalogue/);
  });
  it('a requirement that landed in a dev window is at most SHOULD for a run at that dev point', () => {
    // domainname landed on main under 1.0.2-dev (after runc 1.1.5 took the spec): a warning at 1.0.2-dev, a MUST at 1.1.0.
    expect(levelOf('CFG-DOMAINNAME-APPLIED', '1.0.2-dev')).toBe('SHOULD');
    expect(levelOf('CFG-DOMAINNAME-APPLIED', '1.1.0')).toBe('MUST');
    // What 1.0.2 itself released keeps its level at 1.0.2-dev.
    expect(levelOf('RT-HOOK-STARTCONTAINER-FAIL-ERROR', '1.0.2-dev')).toBe('MUST');
  });
  it('gates by the since and until of cited requirements', () => {
    expect(versionGate(['X-NEW'], '1.0.2', cat)).toBe('X-NEW appeared in runtime-spec 1.1.0; this run targets 1.0.2 (use --spec-version to choose another)');
    expect(versionGate(['X-NEW', 'X-OLD'], '1.1.0', cat)).toBe('X-OLD was dropped after runtime-spec 1.0.2; this run targets 1.1.0');
    expect(versionGate(['X-NEW', 'X-OLD', 'UNKNOWN'], '1.0.2', cat)).toMatch(/^X-NEW appeared/);
    expect(versionGate(['X-OLD'], '1.0.2', cat)).toBeUndefined();
    expect(versionGate(['RT-KILL-SENDS-SIGNAL'], '1.0.0')).toBeUndefined();
  });
});

describe('expectations', () => {
  const exp = { expectations: { a: { status: 'fail', reason: 'r' }, b: { status: 'fail', reason: 'r' }, c: { status: 'fail', reason: 'r' }, gone: { status: 'error', reason: 'r' }, other: { status: 'fail', reason: 'r' } } } as const;

  it('unexpected and stale, per WPT rules', () => {
    const known = new Set(['a', 'b', 'c', 'd', 'e', 'other']);
    const rep = compareWithExpectations('f', exp, [r('a', 'fail'), r('b', 'pass'), r('c', 'error'), r('d', 'fail'), r('e', 'skip')], known);
    expect(rep.unexpected).toEqual([
      { id: 'c', expected: 'fail', actual: 'error' },
      { id: 'd', expected: 'pass', actual: 'fail' },
    ]);
    expect(rep.stale).toEqual([
      { id: 'b', expected: 'fail', actual: 'pass' },
      { id: 'gone', expected: 'error', actual: 'missing' },
    ]);
  });

  it('loads with clear one-line errors and merges several files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oci-conform-exp-'));
    try {
      const f = join(dir, 'e.json');
      await writeFile(f, JSON.stringify({ expectations: { x: { status: 'pass', reason: 'r' } } }));
      expect(() => loadExpectations(f)).toThrow(/expectations\.x\.status: "pass" is not one of/);
      await writeFile(f, JSON.stringify({ expectations: { x: { status: 'fail' } } }));
      expect(() => loadExpectations(f)).toThrow(/every expectation needs a reason/);
      await writeFile(f, '{');
      expect(() => loadExpectations(f)).toThrow(OciError);
      const one = { expectations: { x: { status: 'fail' as const, reason: 'r' } } };
      expect(Object.keys(mergeExpectations([{ file: 'a', doc: one }, { file: 'b', doc: { expectations: { y: { status: 'skip', reason: 'r' } } } }]).expectations)).toEqual(['x', 'y']);
      expect(() => mergeExpectations([{ file: 'a', doc: one }, { file: 'b', doc: one }])).toThrow(/b: expectations\.x is also in a/);
      // A file for one spec version overrides unversioned files at that version and is ignored at others.
      const v13 = { specVersion: '1.3.0', expectations: { x: { status: 'warn' as const, reason: 'at 1.3.0' } } };
      expect(mergeExpectations([{ file: 'a', doc: one }, { file: 'v', doc: v13 }], '1.3.0').expectations.x?.status).toBe('warn');
      expect(mergeExpectations([{ file: 'a', doc: one }, { file: 'v', doc: v13 }], '1.0.1').expectations.x?.status).toBe('fail');
      await writeFile(f, JSON.stringify({ specVersion: '2.0', expectations: {} }));
      expect(() => loadExpectations(f)).toThrow(/specVersion "2\.0" is not a runtime-spec 1\.x version/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('expands a file-name pattern, and a pattern matching nothing is an error', () => {
    const dir = join(import.meta.dirname, '..', '..', 'ci', 'expectations');
    const files = expandExpectationPaths([join(dir, 'runc*.yaml')]);
    expect(files).toEqual([join(dir, 'runc-rootless.yaml'), join(dir, 'runc.yaml')]);
    expect(() => expandExpectationPaths([join(dir, 'nothing-*.json')])).toThrow(/no file matches/);
    expect(expandExpectationPaths(['plain.json'])).toEqual(['plain.json']);
  });

  it('the expectation files in ci/expectations load', async () => {
    const { readdirSync } = await import('node:fs');
    const dir = join(import.meta.dirname, '..', '..', 'ci', 'expectations');
    const files = readdirSync(dir).filter((f) => f !== 'README.md');
    expect(files.sort()).toEqual(['oci-ts-runtime.yaml', 'runc-rootless.yaml', 'runc.yaml', 'runsc.yaml']);
    for (const f of files) {
      const docs = [{ file: f, doc: loadExpectations(join(dir, f)) }];
      for (const version of ['1.0.1', '1.3.0']) expect(() => mergeExpectations(docs, version), `${f} ${version}`).not.toThrow();
    }
  });
});
