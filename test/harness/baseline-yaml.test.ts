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
    expect(u).toEqual({ file: f, added: ['new.fail', 'changed.case'], changed: [], dropped: ['process.env.exact', 'gone.case'], uncovered: [], kept: 2, applies: true });
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

const GROUPED = `runtime: runc
expectations:
  a.plain:
    status: fail
    requirement: R-A
    reason: top level
  b.overridden:
    status: fail
    requirement: R-B
    reason: top level b
groups:
  # what a 1.3.0 run judges
  - specVersion: "1.3.0"
    expectations:
      b.overridden:
        status: warn
        requirement: R-B
        reason: at 1.3.0
      c.new-field:
        status: fail
        requirement: R-C
        reason: only 1.3.0
  - hosts: [cgroup-v2]
    expectations:
      d.v2:
        status: fail
        requirement: R-D
        reason: v2 only
`;

describe('groups in a baseline', () => {
  it('a group is merged as a separate file with its limits would be, at every version and host', async () => {
    const f = await write('grouped.yaml', GROUPED);
    const doc = loadExpectations(f);
    expect(doc.groups).toHaveLength(2);
    // the same entries as three separate files
    const split = [
      { file: 'plain', doc: { runtime: 'runc', expectations: doc.expectations } },
      { file: 'v13', doc: { runtime: 'runc', specVersion: '1.3.0', expectations: doc.groups![0]!.expectations } },
      { file: 'v2', doc: { runtime: 'runc', hosts: ['cgroup-v2'], expectations: doc.groups![1]!.expectations } },
    ];
    for (const version of [undefined, '1.0.2-dev', '1.2.1', '1.3.0']) {
      for (const hosts of [undefined, ['cgroup-v1', 'cgroup-hybrid', 'root'], ['cgroup-v2', 'root']]) {
        expect(mergeExpectations([{ file: f, doc }], version, hosts).expectations, `${version} ${hosts}`).toEqual(mergeExpectations(split, version, hosts).expectations);
      }
    }
    const at13 = mergeExpectations([{ file: f, doc }], '1.3.0', ['cgroup-v2']);
    expect(at13.expectations['b.overridden']!.reason).toBe('at 1.3.0');
    expect(Object.keys(at13.expectations).sort()).toEqual(['a.plain', 'b.overridden', 'c.new-field', 'd.v2']);
    expect(at13.applied).toEqual([f]);
    const older = mergeExpectations([{ file: f, doc }], '1.0.2-dev', ['cgroup-v1']);
    expect(older.expectations['b.overridden']!.reason).toBe('top level b');
    expect(Object.keys(older.expectations).sort()).toEqual(['a.plain', 'b.overridden']);
    // the same in JSON
    expect(loadExpectations(await write('grouped.json', JSON.stringify(doc)))).toEqual(doc);
  });

  it('updateBaseline judges only what holds for the run: a file limited to another version is left as it is', async () => {
    const text = 'runtime: runc\nspecVersion: "1.3.0"\nexpectations:\n  a.b:\n    status: fail\n    requirement: R\n    reason: at 1.3.0\n';
    const f = await write('v13.yaml', text);
    const results = [result('a.b', { status: 'pass' }), result('c.d', { status: 'fail', violations: [{ requirement: 'R', level: 'MUST', message: 'm' }] })];
    const known = new Set(['a.b', 'c.d']);
    expect(updateBaseline(f, results, known, 'runc', { specVersion: '1.0.2-dev', hostTerms: ['root'] })).toMatchObject({ added: [], dropped: [], kept: 1, applies: false });
    expect(await readFile(f, 'utf8')).toBe(text);
    expect(updateBaseline(f, results, known, 'runc', { specVersion: '1.3.0', hostTerms: ['root'] })).toMatchObject({ added: ['c.d'], dropped: ['a.b'], kept: 0, applies: true });
  });

  it('updateBaseline of a grouped file: groups that do not hold for the run are kept as they are, new entries go to the top level', async () => {
    const f = await write('grouped-upd.yaml', GROUPED);
    const fail = (id: string, requirement: string) => result(id, { status: 'fail', violations: [{ requirement, level: 'MUST', message: 'm' }] });
    const known = new Set(['a.plain', 'b.overridden', 'c.new-field', 'd.v2', 'e.new']);
    // 1.2.0 on a v1 host: neither group holds; b.overridden passes (its top-level entry dropped), e.new is added at the top level
    const u = updateBaseline(f, [fail('a.plain', 'R-A'), result('b.overridden', { status: 'pass' }), result('c.new-field', { status: 'pass' }), result('d.v2', { status: 'pass' }), fail('e.new', 'R-E')], known, 'runc', { specVersion: '1.2.0', hostTerms: ['cgroup-v1'] });
    expect(u).toMatchObject({ added: ['e.new'], changed: [], dropped: ['b.overridden'], uncovered: [], applies: true });
    const doc = loadExpectations(f, { allowTodo: true });
    expect(Object.keys(doc.expectations)).toEqual(['a.plain', 'e.new']);
    expect(doc.groups).toEqual(loadExpectations(await write('orig.yaml', GROUPED)).groups);
    const text = await readFile(f, 'utf8');
    expect(text).toContain('  # what a 1.3.0 run judges\n  - specVersion: "1.3.0"\n');
  });

  it('two groups of one layer with the same case conflict, naming both; a bad group names file:line and the place', async () => {
    const twice = GROUPED.replace('  - hosts: [cgroup-v2]', '  - specVersion: "1.3.0"\n    expectations:\n      c.new-field: { status: fail, reason: again }\n  - hosts: [cgroup-v2]');
    const f = await write('twice.yaml', twice);
    expect(() => mergeExpectations([{ file: f, doc: loadExpectations(f) }], '1.3.0', [])).toThrow(/twice\.yaml groups\[1\]: expectations\.c\.new-field is also in .*twice\.yaml groups\[0\]/);
    expect(() => mergeExpectations([{ file: f, doc: loadExpectations(f) }], '1.2.0', [])).not.toThrow();
    const cases: [string, RegExp][] = [
      [GROUPED.replace('  - hosts: [cgroup-v2]\n', '  - note: nothing\n'), /bad\.yaml:23: groups\[1\]: needs a specVersion or hosts/],
      [GROUPED.replace('specVersion: "1.3.0"', 'specVersion: "2.0"'), /bad\.yaml:13: groups\[0\]\.specVersion "2\.0" is not a runtime-spec 1\.x version/],
      [GROUPED.replace('status: warn', 'status: wrn'), /bad\.yaml:16: groups\[0\]\.expectations\.b\.overridden\.status: "wrn" is not one of/],
      [GROUPED.replace('reason: v2 only', 'reason: ""'), /bad\.yaml:28: groups\[1\]\.expectations\.d\.v2\.reason: every expectation needs a reason/],
      [GROUPED.replace('hosts: [cgroup-v2]', 'hosts: [cgroupv2]'), /bad\.yaml:23: groups\[1\]\.hosts\[0\]: unknown host word "cgroupv2"/],
      [GROUPED.replace('requirement: R-C', 'requirement: []'), /bad\.yaml:21: groups\[0\]\.expectations\.c\.new-field\.requirement: a requirement id or a non-empty array/],
      [GROUPED.replace('      c.new-field:\n        status: fail', '      c.new-field:\n        status: fail\n        status: warn'), /bad\.yaml:21: .*(unique|duplicate)/i],
      [`specVersion: "1.3.0"\n${GROUPED}`, /bad\.yaml:14: groups: not in a file limited by a top-level specVersion/],
      [GROUPED.replace(/groups:[^]*/, 'groups: []\n'), /bad\.yaml:11: groups: a non-empty array/],
      [GROUPED.replace('    expectations:\n      b.overridden:', '    expectation:\n      b.overridden:'), /bad\.yaml:13: groups\[0\]: no "expectations" object/],
      [GROUPED.replace('reason: only 1.3.0', 'reason: "TODO: later"'), /bad\.yaml:22: groups\[0\]\.expectations\.c\.new-field\.reason: still a TODO/],
    ];
    for (const [text, re] of cases) {
      const b = await write('bad.yaml', text);
      let message = '';
      try {
        loadExpectations(b);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message, text).toMatch(re);
      expect(message.split('\n')).toHaveLength(1);
    }
  });
});
