/**
 * oci-conform's machine formats from one real run against runc, each fed to the consumer it is written for: TAP 14
 * to tap-parser in strict mode with every YAML block parsed by `yaml`, TAP 13 to Perl's prove, JUnit to xmllint with
 * the Jenkins JUnit schema. The run holds every kind of result: a pass, a skip (a condition this host lacks), a
 * warning and a failure of test-only cases, and runc's failure of a case with two containers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTree } from '../../harness/cleanup.js';
import { makeRunDir, runCli } from './conform/leftovers.js';
import { parseTapStrict, prove, xmllintJunit, yamlBlocks } from './formats/consumers.js';
import { conformReportErrors } from './formats/report-schemas.js';

const RUNC = '/usr/bin/runc';
const CASES = join(import.meta.dirname, 'conform', 'cases');
// runc 1.1.5 fails it (ci/expectations/runc.yaml): a container joining another's user namespace
const TWO_CONTAINERS = 'linux.namespaces.join.user-no-mappings';
let dir: string;
let env: NodeJS.ProcessEnv;
let report: { summary: { counts: Record<string, number> }; results: { id: string; outcome: { status: string }; configs: { id: string; path: string }[] }[] };
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  ({ dir, env } = await makeRunDir('oci-conform-formats-'));
  const r = await runCli(
    [
      '--runtime', RUNC, '--jobs', '1',
      '--only', 'lifecycle.create.state', '--only', 'linux.cgroups.hugetlb.limit', '--only', TWO_CONTAINERS, '--only', 'test.**',
      '--case-file', join(CASES, 'fails.case.mjs'), '--case-file', join(CASES, 'should.case.mjs'),
      '--reporter', `tap=${file('r.tap')}`, '--reporter', `tap13=${file('r13.tap')}`, '--reporter', `junit=${file('r.xml')}`, '--reporter', `json=${file('r.json')}`,
    ],
    { env },
  );
  if (r.code !== 1) throw new Error(`expected exit 1 (failures), got ${r.code}: ${r.stderr}`);
  report = JSON.parse(await readFile(file('r.json'), 'utf8'));
}, 120_000);
afterAll(async () => {
  await removeTree(dir);
});

describe('oci-conform reports read by their consumers', () => {
  it('the run has every kind of result, and a failure with two containers; its JSON report fits our published schema', () => {
    expect(conformReportErrors(report)).toEqual([]);
    // and it would say so of a report that breaks it: a skip without its reason
    expect(conformReportErrors({ ...report, results: [{ ...report.results[0]!, outcome: { status: 'skip' } }] })).not.toEqual([]);
    const byId = new Map(report.results.map((r) => [r.id, r]));
    expect(byId.get(TWO_CONTAINERS)?.outcome.status).toBe('fail');
    expect(byId.get(TWO_CONTAINERS)?.configs).toHaveLength(2);
    expect(byId.get('test.always-fails')?.outcome.status).toBe('fail');
    expect(byId.get('test.should')?.outcome.status).toBe('warn');
    expect(byId.get('lifecycle.create.state')?.outcome.status).toBe('pass');
    expect(report.results).toHaveLength(5);
  });

  it('TAP 14: tap-parser in strict mode counts exactly the failed cases, and reads every diagnostic', async () => {
    const tap = await readFile(file('r.tap'), 'utf8');
    expect(tap.startsWith('TAP version 14\n')).toBe(true);
    const { result, diags } = await parseTapStrict(tap);
    const failed = report.summary.counts.fail! + report.summary.counts.error!;
    expect(result.count).toBe(5);
    expect(result.fail).toBe(failed);
    // a line tap-parser can't read would be a failure of its own (strict mode), without a test point id
    expect(result.failures.map((f) => ('name' in f ? f.name : String(f)))).toHaveLength(failed);
    expect(result.skip).toBe(report.summary.counts.skip);
    expect(result.plan).toMatchObject({ start: 1, end: 5 });
    const twoContainers = report.results.findIndex((r) => r.id === TWO_CONTAINERS) + 1;
    const diag = diags.find((d) => d.id === twoContainers)?.diag as { containers: { id: string; configPath: string; config: { ociVersion: string } }[]; violations: { requirement: string }[] };
    expect(diag.violations[0]?.requirement).toBe('LNX-NS-PATH-JOIN');
    expect(diag.containers.map((c) => c.configPath)).toEqual(report.results[twoContainers - 1]!.configs.map((c) => c.path));
    expect(diag.containers.map((c) => c.config.ociVersion)).toEqual(['1.0.2-dev', '1.0.2-dev']);
  });

  it('TAP 14: every YAML block is valid YAML to the yaml package (no repeated key), one per non-pass', async () => {
    const blocks = yamlBlocks(await readFile(file('r.tap'), 'utf8'));
    expect(blocks).toHaveLength(3); // two failures and a warning
    for (const b of blocks) expect(b.errors).toEqual([]);
  });

  it('TAP 13 (--reporter tap13): Debian\'s prove reads it, YAML blocks included, and counts the failures', async () => {
    const tap13 = await readFile(file('r13.tap'), 'utf8');
    expect(tap13.startsWith('TAP version 13\n')).toBe(true);
    // the same stream but for its version line
    expect(tap13.slice(tap13.indexOf('\n'))).toBe((await readFile(file('r.tap'), 'utf8')).slice(tap13.indexOf('\n')));
    const r = prove(file('r13.tap'));
    expect(r.out).not.toMatch(/Parse errors/);
    expect(r.out).toMatch(/Tests=5\b/);
    const failedIds = report.results.flatMap((x, i) => (x.outcome.status === 'fail' || x.outcome.status === 'error' ? [i + 1] : []));
    expect(r.out).toContain(`Failed ${failedIds.length}/5 subtests`);
    expect(r.code).toBe(1);
    // and the TAP 14 stream is what it refuses
    expect(prove(file('r.tap')).out).toMatch(/Parse errors: TAP specified version 14/);
  });

  it('JUnit: valid against the Jenkins JUnit schema (junit-4.xsd)', async () => {
    const r = xmllintJunit(file('r.xml'));
    expect(r.out).toContain('validates');
    expect(r.code).toBe(0);
    const xml = await readFile(file('r.xml'), 'utf8');
    const { fail, error } = report.summary.counts;
    expect(xml).toContain(`<testsuites name="oci-conform /usr/bin/runc" tests="5" failures="${fail}" errors="${error}">`);
    expect(xml).not.toMatch(/<testcase [^>]*\bfile=/);
  });
});
