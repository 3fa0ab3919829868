/**
 * The HTML reporter as text (the browser's view is test/e2e/html-report.test.ts): values from a run never become
 * markup, the page loads nothing, its one script is the one its CSP allows; and `merge` of reports of different
 * runtimes draws a matrix for a reporter with onMatrix and refuses the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { htmlReporter } from '../../../reporters/conform/html.js';
import { markOf } from '../../../reporters/conform/html-sections.js';
import type { ConformReporter, ExpectationReport, MatrixColumn, RunSummary } from '../../../reporters/conform/reporter.js';
import type { CaseResult, HostProfile } from '../../../harness/model.js';
import { mergeReports } from '../../../harness/merge.js';
import { CONDITIONS, type HostConditions } from '../../../harness/conditions.js';
import { removeTree } from '../../../harness/cleanup.js';
import { OciError } from '../../../core/errors.js';
import { SAMPLE_PROFILE, SAMPLE_RESULT, sampleRunInfo } from './sample-run.js';

const HOSTILE = '</details></pre><script>alert(1)</script><img src=x onerror=alert(2)>&amp;"\'';
const conditions = Object.fromEntries(CONDITIONS.map((c) => [c, { ok: true }])) as HostConditions;
const base = { ...SAMPLE_RESULT, requirements: ['RT-KILL-SENDS-SIGNAL'] };
const results: CaseResult[] = [
  { ...base, id: 'lifecycle.a', outcome: { status: 'pass' } },
  {
    ...base,
    id: 'lifecycle.b',
    title: HOSTILE,
    outcome: { status: 'fail', violations: [{ requirement: 'RT-KILL-SENDS-SIGNAL', level: 'MUST', message: HOSTILE, expected: HOSTILE, actual: { k: HOSTILE }, path: HOSTILE }] },
    configs: [{ id: HOSTILE, path: '/tmp/b/config.json', config: { ociVersion: '1.0.2-dev', annotations: { [HOSTILE]: HOSTILE } } }],
    calls: [{ argv: ['/usr/bin/runc', 'create', HOSTILE], exitCode: 1, signal: null, stdout: HOSTILE, stderr: HOSTILE, durationMs: 3, timedOut: false }],
    containerStderr: HOSTILE,
    notes: [HOSTILE],
  },
  { ...base, id: 'process.c', outcome: { status: 'skip', reason: HOSTILE } },
  { ...base, id: 'process.d', outcome: { status: 'error', message: HOSTILE, timedOut: false } },
];
const summary = (rs: readonly CaseResult[], expectations?: ExpectationReport): RunSummary => ({
  counts: { pass: rs.filter((r) => r.outcome.status === 'pass').length, fail: rs.filter((r) => r.outcome.status === 'fail').length, warn: 0, skip: rs.filter((r) => r.outcome.status === 'skip').length, error: rs.filter((r) => r.outcome.status === 'error').length },
  durationMs: 10,
  results: rs,
  expectations,
  interrupted: false,
  leftovers: [],
  exitCode: 1,
});

async function render(feed: (r: ConformReporter) => Promise<void>): Promise<string> {
  let out = '';
  let closed = 0;
  const r = htmlReporter({ write: (s) => void (out += s), close: () => void closed++, isTTY: false });
  await feed(r);
  expect(closed).toBe(1);
  return out;
}

describe('html reporter', () => {
  it('writes every value from the run as text: one script (its own, allowed by hash), no element from the data, nothing loaded', async () => {
    const page = await render(async (r) => {
      await r.onRunStart?.(sampleRunInfo(conditions, { runId: HOSTILE }));
      await r.onRunEnd?.(summary(results));
    });
    expect(page).not.toContain('alert(1)</script>');
    expect(page).not.toContain('<img');
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page.match(/<details/g)).toHaveLength(2); // the config, the calls
    expect(page.match(/<\/details>/g)).toHaveLength(2);
    expect(page).toContain('&lt;/details&gt;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const script = /<script>([\s\S]*)<\/script>/.exec(page)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)![1]!.replaceAll('&#39;', "'");
    expect(csp).toBe(`default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:`);
    // Offline: no src, no stylesheet link; the only URLs are links to the spec.
    expect(page.replace(/"[^"]*"/g, "\"\"")).not.toMatch(/<[^>]*\ssrc=|<link/); // attribute values left out: text in them is inert
    expect([...page.matchAll(/href="([^"#][^"]*)"/g)].map((m) => m[1]).filter((u) => !u!.startsWith('https://github.com/opencontainers/'))).toEqual([]);
  });

  it('marks results against the baseline: expected, unexpected, stale; without one every fail and error is unexpected', () => {
    const [pass, fail, skip, error] = results as [CaseResult, CaseResult, CaseResult, CaseResult];
    expect([pass, fail, skip, error].map((r) => markOf(r, undefined))).toEqual(['', 'unexpected', '', 'unexpected']);
    const exp: ExpectationReport = { file: 'x.json', unexpected: [{ id: 'process.d', expected: 'pass', actual: 'error' }], stale: [{ id: 'lifecycle.a', expected: 'fail', actual: 'pass' }], notJudged: [], skipped: [] };
    expect([pass, fail, skip, error].map((r) => markOf(r, exp))).toEqual(['stale', 'expected', '', 'unexpected']);
  });

  it('writes a page saying why when the run stopped before its cases', async () => {
    const page = await render(async (r) => r.onRunEnd?.({ ...summary([]), stopped: { code: 'OCI_CONFORM_RUNTIME_NOT_FOUND', message: HOSTILE } }));
    expect(page).toContain('OCI_CONFORM_RUNTIME_NOT_FOUND: &lt;/details&gt;');
    expect(page).not.toContain('<img');
  });
});

describe('merge of reports of different runtimes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oci-conform-html-merge-'));
  });
  afterAll(async () => {
    await removeTree(dir);
  });

  async function report(name: string, binary: string, rs: readonly CaseResult[], expectations?: ExpectationReport, profile = SAMPLE_PROFILE): Promise<string> {
    const s = summary(rs, expectations);
    const run = sampleRunInfo(conditions, { runtime: { binary, profile: 'runc', version: 'v', chosenBy: 'option' } });
    const doc = { reportVersion: 2, run: { ...run, host: { ...run.host, profile } }, summary: { ...s, results: undefined }, results: rs };
    const file = join(dir, name);
    await writeFile(file, JSON.stringify(doc));
    return file;
  }

  it('gives a reporter with onMatrix a column per runtime, each with its own results and baseline; exit 1 when a column is off its baseline', async () => {
    const exp: ExpectationReport = { file: 'runc.json', unexpected: [], stale: [], notJudged: [], skipped: [] };
    const a = await report('a.json', '/usr/bin/runc', results.slice(0, 2), exp);
    const b = await report('b.json', '/usr/bin/crun', results.slice(1, 4));
    let columns: readonly MatrixColumn[] = [];
    const s = await mergeReports([a, b], { reporters: [{ onMatrix: (c) => void (columns = c) }], knownIds: new Set() });
    expect(columns.map((c) => [c.label, c.summary.results.map((r) => r.id), c.summary.expectations?.file])).toEqual([
      ['runc @ hybrid', ['lifecycle.a', 'lifecycle.b'], 'runc.json'],
      ['crun @ hybrid', ['lifecycle.b', 'process.c', 'process.d'], undefined],
    ]);
    expect(columns[1]!.summary.counts).toEqual({ pass: 0, fail: 1, warn: 0, skip: 1, error: 1 });
    expect(s.exitCode).toBe(1); // crun's column has no baseline and fails
    const page = await render((r) => mergeReports([a, b], { reporters: [r], knownIds: new Set() }).then(() => undefined));
    expect(page).toContain('<th>runc @ hybrid</th><th>crun @ hybrid</th>');
    expect(page).toContain('href="#ev-1-lifecycle.b"');
    expect(page).toContain('id="ev-1-lifecycle.b"');
  });

  it('makes a column per host profile of one runtime, and names columns by full path when two runtimes share a file name', async () => {
    const v2: HostProfile = { ...SAMPLE_PROFILE, name: 'v2', terms: ['cgroup-v2', 'root', 'cgroupfs'] };
    const files = [await report('h1.json', '/usr/bin/runc', results.slice(0, 1)), await report('h2.json', '/usr/bin/runc', results.slice(0, 1), undefined, v2), await report('h3.json', '/opt/runc', results.slice(0, 1))];
    let labels: string[] = [];
    const s = await mergeReports(files, { reporters: [{ onMatrix: (c) => void (labels = c.map((x) => x.label)) }], knownIds: new Set() });
    expect(labels).toEqual(['/usr/bin/runc @ hybrid', 'runc @ v2', '/opt/runc @ hybrid']);
    expect(s.exitCode).toBe(0);
  });

  it('refuses a reporter without onMatrix (saying what differs and what shows a matrix) and --expectations', async () => {
    const a = await report('c.json', '/usr/bin/runc', results.slice(0, 1));
    const b = await report('d.json', '/usr/bin/crun', results.slice(0, 1));
    const err = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
    const e1 = await err(mergeReports([a, b], { reporters: [{ onRunEnd: () => undefined }], knownIds: new Set() }));
    expect(e1).toBeInstanceOf(OciError);
    expect((e1 as OciError).code).toBe('OCI_CONFORM_USAGE');
    expect((e1 as OciError).message).toBe(`merge: ${b} is a run of /usr/bin/crun at 1.0.1/MUST, ${a} of /usr/bin/runc at 1.0.1/MUST: runs of different runtimes or hosts make a matrix, which only --reporter html=FILE shows`);
    const e2 = await err(mergeReports([a, b], { reporters: [{ onMatrix: () => undefined }], expectations: ['x.json'], knownIds: new Set() }));
    expect((e2 as OciError).message).toMatch(/^merge: the reports are runs of different runtimes or hosts \(.*\): --expectations judges one/);
  });
});
