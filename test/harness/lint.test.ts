import { describe, expect, it } from 'vitest';
import { CASES } from '../../harness/generated/cases.js';
import { lintCases } from '../../harness/lint.js';
import { defineCase, type CaseDefinition } from '../../harness/model.js';
import type { LoadedCase } from '../../harness/execute.js';
import { CANARY } from '../../harness/canary.js';
import { pidViewCheck } from '../../harness/pid-view.js';

const known = (id: string): { check: { by: string } } | undefined =>
  ({ 'RT-KNOWN': { check: { by: 'behavioural' } }, 'RT-STATIC': { check: { by: 'static' } } })[id];

/**
 * A case as an out-of-tree module (--case-file) brings it: plain JS, so its ids are strings that no type
 * checked, and only the lint stands between a misspelt id and a run.
 */
function fake(id: string, file: string, extra: Partial<{ requirements: string[]; needs: string[]; title: string }> = {}): LoadedCase {
  const untyped = { id, title: extra.title ?? 't', requirements: extra.requirements ?? ['RT-KNOWN'], run: async () => undefined, ...(extra.needs ? { needs: extra.needs } : {}) };
  return { definition: untyped as unknown as CaseDefinition, file };
}

describe('case lint', () => {
  it('finds unknown requirement ids, unknown conditions, duplicate ids, bad ids and ids off their path', () => {
    const problems = lintCases(
      [
        fake('lifecycle.a', 'suites/lifecycle/a.case.ts'),
        fake('lifecycle.a', 'suites/lifecycle/b.case.ts'),
        fake('lifecycle.c', 'suites/lifecycle/c.case.ts', { requirements: ['RT-NOPE'] }),
        fake('lifecycle.d', 'suites/lifecycle/d.case.ts', { needs: ['root', 'cgroup-v3'] }),
        fake('Lifecycle E', 'suites/lifecycle/e.case.ts'),
        fake('linux.f', 'suites/lifecycle/f.case.ts'),
        fake('lifecycle.g', 'suites/lifecycle/g.case.ts', { requirements: ['RT-STATIC'] }),
      ],
      known,
    );
    const codes = problems.map((p) => `${p.code}:${p.caseId}`).sort();
    expect(codes).toEqual(
      [
        'duplicate-id:lifecycle.a',
        'unknown-requirement:lifecycle.c',
        'unknown-condition:lifecycle.d',
        'bad-id:Lifecycle E',
        'id-off-path:Lifecycle E',
        'id-off-path:linux.f',
        'not-behavioural:lifecycle.g',
      ].sort(),
    );
  });

  it('checks the ids of also like those of requirements', () => {
    const base = fake('lifecycle.h', 'suites/lifecycle/h.case.ts');
    const withAlso = (also: string[]): LoadedCase => ({ ...base, definition: { ...base.definition, also: also as unknown as CaseDefinition['also'] } });
    expect(lintCases([withAlso(['RT-NOPE'])], known).map((p) => p.code)).toEqual(['unknown-requirement']);
    expect(lintCases([withAlso(['RT-STATIC'])], known).map((p) => p.code)).toEqual(['not-behavioural']);
    expect(lintCases([withAlso(['RT-KNOWN'])], known)).toEqual([]);
  });

  it('in our own cases an unknown id is a type error, and so is charging an id the case does not cite (tsc checks these directives)', () => {
    // @ts-expect-error: RT-NOPE is not a catalogue id
    const unknown = defineCase({ id: 'lifecycle.x', title: 't', requirements: ['RT-NOPE'], run: async () => undefined });
    // @ts-expect-error: ctx.expect takes only the ids the case cites
    const foreign = defineCase({ id: 'lifecycle.y', title: 't', requirements: ['RT-KILL-SENDS-SIGNAL'], run: async (ctx) => void ctx.expect('RT-START-RUNS-PROCESS', true, { message: '' }) });
    expect([unknown.id, foreign.id]).toEqual(['lifecycle.x', 'lifecycle.y']);
  });

  it('passes on a clean set', () => {
    expect(lintCases([fake('lifecycle.ok', 'suites/lifecycle/ok.case.ts')], known)).toEqual([]);
  });

  it("the harness's own cases (the canary, the pid view check) cite known, behavioural requirements", () => {
    // their ids ('canary', 'pid-view') are outside the suites' naming: only what they cite is checked here
    const cited = lintCases([CANARY, pidViewCheck().check]).filter((p) => p.code === 'unknown-requirement' || p.code === 'not-behavioural');
    expect(cited.map((p) => `${p.caseId}: ${p.detail}`)).toEqual([]);
  });

  it('every case in suites/ cites known requirements and conditions, with unique ids', () => {
    expect(CASES.length).toBeGreaterThan(3);
    const problems = lintCases(CASES).map((p) => `${p.file}: ${p.code}: ${p.detail}`);
    expect(problems).toEqual([]);
  });
});
