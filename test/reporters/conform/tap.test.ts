/**
 * TAP's YAML blocks hold whatever a case recorded: messages with line breaks, colons, hashes and quotes, strings
 * YAML 1.1 would read as booleans, configs whose arrays are shared. Both readers must get the data back: the yaml
 * package (YAML 1.2) and Perl's prove (YAMLish, a subset), and tap-parser in strict mode must see no stray line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReporter } from '../../../reporters/conform/index.js';
import type { RunSummary } from '../../../reporters/conform/reporter.js';
import type { CaseResult } from '../../../harness/model.js';
import { CONDITIONS, type HostConditions } from '../../../harness/conditions.js';
import { removeTree } from '../../../harness/cleanup.js';
import { SAMPLE_RESULT, sampleRunInfo } from './sample-run.js';
import { parseTapStrict, prove, proveYamlBlocks, yamlBlocks } from '../../e2e/formats/consumers.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-conform-tap-'));
});
afterAll(async () => {
  await removeTree(dir);
});

const conditions = Object.fromEntries(CONDITIONS.map((c) => [c, { ok: true }])) as HostConditions;
const caps = ['CAP_KILL', 'CAP_CHOWN'];
const awkward = 'line one: "quoted" # not a comment\n- line two\n  indented: {x}';
const result: CaseResult = {
  ...SAMPLE_RESULT,
  requirements: ['RT-KILL-SENDS-SIGNAL'],
  id: 'process.awkward',
  outcome: { status: 'fail', violations: [{ requirement: 'RT-KILL-SENDS-SIGNAL', level: 'MUST', message: awkward, expected: 'no', actual: ['yes', 'on', '~', '', 12, null], path: '/process/args/0' }] },
  configs: [
    { id: 'a', path: '/tmp/a/config.json', config: { ociVersion: '1.0.2-dev', process: { capabilities: { bounding: caps, effective: caps }, env: ['A=b: c'] }, annotations: { 'org.example/key': '- dash', empty: '' }, linux: { namespaces: [] , resources: {} } } },
    { id: 'b', path: '/tmp/b/config.json', config: { ociVersion: '1.0.2-dev' } },
  ],
  containerStderr: 'error: one\nerror: two\n',
  notes: ['a note # with a hash'],
};
const summary: RunSummary = { counts: { pass: 0, fail: 1, warn: 0, skip: 0, error: 0 }, durationMs: 1, results: [result], interrupted: false, leftovers: [], exitCode: 1 };

describe('TAP YAML blocks', () => {
  it('give back what the case recorded, to yaml, to tap-parser in strict mode and to prove', async () => {
    const [tap14, tap13] = [join(dir, 'a.tap'), join(dir, 'a13.tap')];
    for (const [name, file] of [['tap', tap14], ['tap13', tap13]] as const) {
      const r = await createReporter({ name, file });
      await r.onRunStart?.(sampleRunInfo(conditions, { selection: { total: 1, selected: 1 } }));
      await r.onCaseResult?.(result);
      await r.onRunEnd?.(summary);
    }
    const text = await readFile(tap14, 'utf8');
    const [block] = yamlBlocks(text);
    expect(block!.errors).toEqual([]);
    const expected = {
      file: result.file,
      durationMs: 12,
      violations: [{ requirement: 'RT-KILL-SENDS-SIGNAL', level: 'MUST', reference: 'https://github.com/opencontainers/runtime-spec/blob/v1.0.1/runtime.md#kill', message: awkward, path: '/process/args/0', expected: 'no', actual: ['yes', 'on', '~', '', 12, null] }],
      containers: result.configs.map((c) => ({ id: c.id, configPath: c.path, config: c.config })),
      containerStderr: result.containerStderr,
      notes: result.notes,
    };
    expect(block!.value).toEqual(expected);
    const { result: parsed, diags } = await parseTapStrict(text);
    expect(parsed.failures).toHaveLength(1);
    expect(parsed.count).toBe(1);
    expect(diags[0]!.diag).toEqual(expected);
    const p = prove(tap13);
    expect(p.out).not.toMatch(/Parse errors/);
    expect(p.out).toContain('Failed 1/1 subtests');
    // what prove's YAMLish reader made of the block: every string as written (it reads numbers and null as strings)
    const seen = proveYamlBlocks(tap13);
    expect(seen.parseErrors).toEqual([]);
    expect(seen.blocks).toHaveLength(1);
    expect(seen.blocks[0]).toMatchObject({
      violations: [{ message: awkward, expected: 'no', actual: ['yes', 'on', '~', '', '12', 'null'] }],
      containers: [{ id: 'a', config: { process: { env: ['A=b: c'], capabilities: { bounding: caps, effective: caps } }, annotations: { 'org.example/key': '- dash', empty: '' } } }, { id: 'b' }],
      containerStderr: result.containerStderr,
      notes: result.notes,
    });
  });
});
