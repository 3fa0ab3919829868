import { describe, expect, it } from 'vitest';
import { CONDITIONS, type Condition, type ConditionState, type HostConditions } from '../../harness/conditions.js';
import { computeCoverage, percent, runnableOn } from '../../harness/coverage.js';
import { coverageMarkdown, coverageText } from '../../cli/coverage-format.js';
import type { Requirement } from '../../spec/types.js';

const req = (id: string, over: Partial<Requirement> = {}): Requirement => ({
  id,
  spec: 'runtime-spec',
  keyword: 'MUST',
  doc: 'config.md',
  anchor: 'a',
  since: '1.0.0',
  summary: `summary of ${id}`,
  check: { by: 'behavioural' },
  ...over,
});

function host(missing: Partial<Record<Condition, string>> = {}): HostConditions {
  const out = {} as Record<Condition, ConditionState>;
  for (const c of CONDITIONS) out[c] = missing[c] ? { ok: false, reason: missing[c]! } : { ok: true };
  return out;
}

const catalogue = [
  req('A-RULE'),
  req('A-CASE'),
  req('A-V2'),
  req('A-NONE'),
  req('A-UNTESTABLE', { check: { by: 'untestable', why: 'nothing to observe' } }),
  req('A-SHOULD', { keyword: 'SHOULD' }),
  req('B-RUNTIME', { doc: 'runtime.md' }),
];
const cases = [
  { id: 'c.plain', requirements: ['A-CASE'], needs: ['root'] as Condition[] },
  { id: 'c.v2', requirements: ['A-V2'], needs: ['root', 'cgroup-v2'] as Condition[] },
  { id: 'c.tty', requirements: ['B-RUNTIME'], also: ['A-SHOULD'], needs: ['console-socket'] as Condition[] },
];

describe('coverage', () => {
  const r = computeCoverage({ rulesById: new Map([['A-RULE', ['schema:config', 'config.rule']]]), cases, conditions: host({ 'cgroup-v2': 'not a pure cgroup v2 host (layout hybrid)' }), catalogue });
  const by = new Map(r.requirements.map((q) => [q.id, q]));

  it('names the rules and cases of each requirement, with its status', () => {
    expect(by.get('A-RULE')).toMatchObject({ rules: ['config.rule', 'schema:config'], cases: [], status: 'covered', runnableHere: 'none', level: 'MUST' });
    expect(by.get('A-CASE')).toMatchObject({ rules: [], status: 'covered', runnableHere: 'yes' });
    expect(by.get('A-CASE')!.cases.map((c) => c.id)).toEqual(['c.plain']);
    expect(by.get('A-NONE')).toMatchObject({ status: 'unchecked', runnableHere: 'none' });
    expect(by.get('A-UNTESTABLE')).toMatchObject({ status: 'untestable', untestable: 'nothing to observe' });
    // `also` counts: the case charges it where it is in force
    expect(by.get('A-SHOULD')).toMatchObject({ status: 'covered', level: 'SHOULD' });
  });

  it('a host condition that does not hold makes a case not runnable here, with the probe reason; a runtime condition is only named', () => {
    expect(by.get('A-V2')!.cases[0]!.runnable).toEqual({ here: 'no', missing: [{ condition: 'cgroup-v2', reason: 'not a pure cgroup v2 host (layout hybrid)' }] });
    expect(by.get('A-V2')!.runnableHere).toBe('no');
    expect(by.get('B-RUNTIME')!.cases[0]!.runnable).toEqual({ here: 'runtime', runtimeConditions: ['console-socket'] });
    // a runtime condition's probe state is never consulted
    const h = host({ 'console-socket': 'whatever' });
    expect(runnableOn(['console-socket'], h)).toEqual({ here: 'runtime', runtimeConditions: ['console-socket'] });
    expect(runnableOn(['root', 'console-socket'], host({ root: 'not root' })).here).toBe('no');
  });

  it('counts MUSTs covered per document', () => {
    const config = r.documents.find((d) => d.doc === 'config.md')!;
    expect(config).toEqual({ spec: 'runtime-spec', doc: 'config.md', must: 5, mustCovered: 3, mustRunnableHere: 2, mustUntestable: 1, should: 1, shouldCovered: 1 });
    expect(r.documents.find((d) => d.doc === 'runtime.md')).toMatchObject({ must: 1, mustCovered: 1, mustRunnableHere: 0 });
    expect(percent(3, 5)).toBe('60%');
    expect(percent(0, 0)).toBe('-');
  });

  it('lists the conditions the cases need: host ones with their state, runtime ones unprobed', () => {
    expect(r.conditions).toEqual([
      { condition: 'cgroup-v2', kind: 'host', ok: false, reason: 'not a pure cgroup v2 host (layout hybrid)' },
      { condition: 'console-socket', kind: 'runtime' },
      { condition: 'root', kind: 'host', ok: true },
    ]);
  });

  it('renders text with the share per document and a sum row, and Markdown whose rows all have the header’s cells', () => {
    const text = coverageText(r);
    expect(text).toMatch(/^runtime-spec\s+config\.md\s+5\s+3\s+60%\s+2\s+1\s+1\s+1$/m);
    expect(text).toMatch(/^all\s+6\s+4\s+66%/m);
    expect(text).toContain('A-V2  MUST  covered  cases: c.v2 (no: cgroup-v2)');
    const md = coverageMarkdown({ ...r, requirements: [{ ...by.get('A-UNTESTABLE')!, untestable: 'a | b' }] });
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    const cells = (l: string): number => l.replace(/\\\|/g, '').split('|').length;
    for (const l of rows) expect(l).toMatch(/^\|.*\|$/);
    const requirementRows = md.slice(md.indexOf('## Requirements')).split('\n').filter((l) => l.startsWith('|'));
    expect(requirementRows).toHaveLength(3);
    for (const l of requirementRows) expect(cells(l)).toBe(cells(requirementRows[0]!));
    expect(md).toContain('a \\| b');
  });
});
