import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareWithExpectations, loadExpectations, mergeExpectations } from '../../harness/expectations.js';
import { updateBaseline } from '../../harness/update-expectations.js';
import { removeTree } from '../../harness/cleanup.js';
import type { CaseResult } from '../../harness/model.js';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'oci-conform-yaml-'))));
afterAll(async () => removeTree(dir));

const write = async (name: string, text: string): Promise<string> => {
  const f = join(dir, name);
  await writeFile(f, text);
  return f;
};

const YAML = `# runc's known gaps
runtime: runc
hosts: [cgroup-v1]
expectations:
  # runc deletes a created container
  lifecycle.ops.delete.created:
    status: fail
    requirement: [RT-DELETE-NOT-STOPPED-ERROR, RT-DELETE-NOT-STOPPED-NO-EFFECT]
    reason: runc kills it
  process.env.exact:
    status: warn
    violations:
      - requirement: CFG-PROCESS-ENV
        path: HOME
    reason: sets HOME
`;

const result = (id: string, outcome: CaseResult['outcome']): CaseResult => ({ id, title: id, file: 'x.case.ts', requirements: [], outcome, durationMs: 1, calls: [], notes: [], configs: [] });

describe('baselines in YAML', () => {
  it('reads the same schema as JSON: hosts, requirement, violations; comments allowed', async () => {
    const y = loadExpectations(await write('runc.yaml', YAML));
    expect(y).toEqual({
      runtime: 'runc',
      hosts: ['cgroup-v1'],
      expectations: {
        'lifecycle.ops.delete.created': { status: 'fail', requirement: ['RT-DELETE-NOT-STOPPED-ERROR', 'RT-DELETE-NOT-STOPPED-NO-EFFECT'], reason: 'runc kills it' },
        'process.env.exact': { status: 'warn', violations: [{ requirement: 'CFG-PROCESS-ENV', path: 'HOME' }], reason: 'sets HOME' },
      },
    });
    const j = loadExpectations(await write('runc.json', JSON.stringify(y)));
    expect(j).toEqual(y);
    // .yml too, and a YAML file merges with JSON ones like any other
    const yml = loadExpectations(await write('other.yml', 'expectations:\n  a.b: { status: skip, reason: r }\n'));
    expect(mergeExpectations([{ file: 'runc.yaml', doc: y }, { file: 'other.yml', doc: yml }], undefined, ['cgroup-v1']).expectations['a.b']).toEqual({ status: 'skip', reason: 'r' });
  });

  it('every error names file:line and the place', async () => {
    const cases: [string, RegExp][] = [
      [YAML.replace('status: warn', 'status: wrn'), /bad\.yaml:11: expectations\.process\.env\.exact\.status: "wrn" is not one of/],
      [YAML.replace('reason: sets HOME', 'reason: ""'), /bad\.yaml:15: expectations\.process\.env\.exact\.reason: every expectation needs a reason/],
      [YAML.replace('hosts: [cgroup-v1]', 'hosts: [cgroup-v1, rotless]'), /bad\.yaml:3: hosts\[1\]: unknown host word "rotless"/],
      [YAML.replace('path: HOME', 'path: [HOME]'), /bad\.yaml:14: expectations\.process\.env\.exact\.violations\[0\]\.path: a string/],
      [YAML.replace('    reason: runc kills it', '    reason: runc kills it\n    reason: twice'), /bad\.yaml:10: .*(unique|duplicate)/i],
      [YAML.replace('  process.env.exact:', '  process.env.exact: [unclosed'), /bad\.yaml:\d+: /],
      ['runtime: runc\n', /bad\.yaml:1: no "expectations" object/],
    ];
    for (const [text, re] of cases) {
      const f = await write('bad.yaml', text);
      expect(() => loadExpectations(f), text).toThrow(re);
      try {
        loadExpectations(f);
      } catch (e) {
        expect((e as Error).message.split('\n')).toHaveLength(1);
      }
    }
  });

  it('a TODO reason is refused by the gate, with what to do; --update-expectations may read it', async () => {
    const f = await write('todo.yaml', 'expectations:\n  a.b:\n    status: fail\n    reason: "TODO: say why"\n');
    expect(() => loadExpectations(f)).toThrow(/todo\.yaml:4: expectations\.a\.b\.reason: still a TODO \(added by --update-expectations\): write why the runtime deviates/);
    expect(loadExpectations(f, { allowTodo: true }).expectations['a.b']!.reason).toBe('TODO: say why');
  });

  it('updateBaseline keeps reasons and comments, drops stale and vanished entries, adds failures with a TODO, leaves unjudged ones', async () => {
    const f = await write('upd.yaml', `${YAML}  gone.case:\n    status: fail\n    reason: was here\n  not.run:\n    status: fail\n    reason: kept\n`);
    const results = [
      result('lifecycle.ops.delete.created', { status: 'fail', violations: [{ requirement: 'RT-DELETE-NOT-STOPPED-ERROR', level: 'MUST', message: 'm' }] }),
      result('process.env.exact', { status: 'pass' }),
      result('new.fail', { status: 'fail', violations: [{ requirement: 'RT-STATE-ID', level: 'MUST', message: 'wrong id' }] }),
      result('new.warn', { status: 'warn', violations: [{ requirement: 'RT-STATE-ID', level: 'SHOULD', message: 'w' }] }),
      result('changed.case', { status: 'error', message: 'boom', timedOut: false }),
    ];
    const known = new Set(['lifecycle.ops.delete.created', 'process.env.exact', 'new.fail', 'new.warn', 'not.run', 'changed.case']);
    const u = updateBaseline(f, results, known, 'runc');
    expect(u).toEqual({ file: f, added: ['new.fail', 'changed.case'], changed: [], dropped: ['process.env.exact', 'gone.case'], kept: 2 });
    const text = await readFile(f, 'utf8');
    expect(text).toContain("# runc's known gaps");
    expect(text).toContain('# runc deletes a created container');
    const doc = loadExpectations(f, { allowTodo: true });
    expect(Object.keys(doc.expectations)).toEqual(['lifecycle.ops.delete.created', 'not.run', 'new.fail', 'changed.case']);
    expect(doc.expectations['lifecycle.ops.delete.created']!.reason).toBe('runc kills it');
    expect(doc.expectations['new.fail']).toEqual({ status: 'fail', requirement: 'RT-STATE-ID', reason: 'TODO: say why runc breaks RT-STATE-ID here' });
    expect(doc.expectations['changed.case']).toEqual({ status: 'error', reason: 'TODO: say why this case ends in error with runc' });
    expect(doc.hosts).toEqual(['cgroup-v1']);
    // the gate refuses it until the TODOs are written
    expect(() => loadExpectations(f)).toThrow(/still a TODO/);
    // with reasons written, the same results match it
    await writeFile(f, text.replace(/"?TODO: [^\n]*/g, 'written'));
    const merged = mergeExpectations([{ file: f, doc: loadExpectations(f) }], undefined, ['cgroup-v1']);
    const verdict = compareWithExpectations(f, merged, results, known);
    expect(verdict.unexpected).toEqual([]);
    expect(verdict.stale).toEqual([]);
  });

  it('an entry whose case deviates otherwise now keeps its reason, takes the new status and requirements and is listed as changed', async () => {
    const f = await write('chg.yaml', 'runtime: runc\nexpectations:\n  a.b:\n    status: warn\n    requirement: R-ONE\n    reason: because\n');
    const u = updateBaseline(f, [result('a.b', { status: 'fail', violations: [{ requirement: 'R-TWO', level: 'MUST', message: 'm' }] })], new Set(['a.b']), 'runc');
    expect(u.changed).toEqual(['a.b']);
    expect(loadExpectations(f).expectations['a.b']).toEqual({ status: 'fail', requirement: ['R-ONE', 'R-TWO'], reason: 'because' });
  });

  it('writes a new YAML file with a header, or JSON for a .json name', async () => {
    const r = [result('a.b', { status: 'fail', violations: [{ requirement: 'R', level: 'MUST', message: 'm' }] })];
    const y = join(dir, 'new.yaml');
    updateBaseline(y, r, new Set(['a.b']), 'crun');
    const text = await readFile(y, 'utf8');
    expect(text).toMatch(/^# Baseline of crun/);
    expect(loadExpectations(y, { allowTodo: true })).toEqual({ runtime: 'crun', expectations: { 'a.b': { status: 'fail', requirement: 'R', reason: 'TODO: say why crun breaks R here' } } });
    const j = join(dir, 'new.json');
    updateBaseline(j, r, new Set(['a.b']), 'crun');
    expect(JSON.parse(await readFile(j, 'utf8')).expectations['a.b'].status).toBe('fail');
  });
});
