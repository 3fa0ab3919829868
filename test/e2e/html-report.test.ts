/**
 * The HTML report as people see it: real runs (runc, and oci-ts-runtime, our default runtime) written with
 * `--reporter html=FILE` and merged into a matrix, opened from file:// in Debian's headless chromium over the
 * DevTools protocol (test/e2e/cdp.ts). Checks the counts against the JSON report, drives the filters with mouse
 * clicks, shows hostile text as text, and no error in the page's console or log. Screenshots are kept in
 * test-output/ (gitignored). Needs `npm run build`, root and runc, like the other runc tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { removeTree } from '../../harness/cleanup.js';
import { makeRunDir, runCli } from './conform/leftovers.js';
import { Browser, chromiumMissing } from './cdp.js';

const RUNC = '/usr/bin/runc';
const REPO = join(import.meta.dirname, '..', '..');
const OUT = join(REPO, 'test-output');
// runc 1.1.5 fails process.rlimits.duplicate-type and linux.namespaces.join.user-no-mappings (both in its baseline);
// both runs also load the test's own test.always-fails (its failure is in a baseline only runc's run is given: the
// oci-ts-runtime run, which passes every real case here, has it as its one unexpected failure).
const FAILS = join(REPO, 'test', 'e2e', 'conform', 'cases', 'fails.case.mjs');
const ONLY = ['--only', 'process.rlimits.*', '--only', 'linux.namespaces.join.mount', '--only', 'linux.namespaces.join.user-no-mappings', '--case-file', FAILS, '--only', 'test.always-fails'];
const FAILS_BASELINE = 'runtime: runc\nexpectations:\n  test.always-fails:\n    status: fail\n    requirement: RT-KILL-SENDS-SIGNAL\n    reason: the test\'s own case that always fails\n';
const HOSTILE = '</details></pre><script>window.__injected = 1</script><img src=x onerror="window.__injected = 2">';
const missing = chromiumMissing();

type Status = 'pass' | 'fail' | 'warn' | 'skip' | 'error';
interface Report {
  summary: { counts: Record<Status, number> };
  results: { id: string; outcome: { status: Status }; configs: { config: { process: { env: string[] } } }[]; notes: string[] }[];
}

let dir: string;
let env: NodeJS.ProcessEnv;
let runc: Report;
let ts: Report;
let browser: Browser;

const bad = (r: Report): number => r.summary.counts.fail + r.summary.counts.warn + r.summary.counts.error;

beforeAll(async () => {
  if (missing) return;
  ({ dir, env } = await makeRunDir('oci-conform-html-'));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(dir, 'fails.yaml'), FAILS_BASELINE);
  // allSettled: a failing check of one run must not end the test while the other run is still cleaning up.
  const settled = await Promise.allSettled([
    runCli(['--runtime', RUNC, ...ONLY, '--jobs', '1', '--expectations', join(REPO, 'ci', 'expectations', 'runc.yaml'), '--expectations', join(dir, 'fails.yaml'), '--reporter', `json=${join(dir, 'runc.json')}`, '--reporter', `html=${join(dir, 'runc.html')}`], { env }),
    runCli([...ONLY, '--jobs', '1', '--reporter', `json=${join(dir, 'ts.json')}`], { env }),
  ]);
  const [a, b] = settled.map((x) => {
    if (x.status === 'rejected') throw x.reason;
    return x.value;
  }) as [Awaited<ReturnType<typeof runCli>>, Awaited<ReturnType<typeof runCli>>];
  expect([a.code, a.stderr]).toEqual([0, '']); // matches runc's baseline
  expect(b.code).toBe(1); // no baseline: its failure counts
  expect(b.stderr).toMatch(/^oci-conform: no --runtime given: driving \S+oci-ts-runtime\.js .*\n$/);
  runc = JSON.parse(readFileSync(join(dir, 'runc.json'), 'utf8')) as Report;
  ts = JSON.parse(readFileSync(join(dir, 'ts.json'), 'utf8')) as Report;
  browser = new Browser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (dir) await removeTree(dir);
});

async function show(file: string, shot: string): Promise<void> {
  browser.errors.length = 0;
  await browser.open(pathToFileURL(file).href);
  const png = join(OUT, shot);
  writeFileSync(png, await browser.screenshot());
  console.log(`screenshot: ${png}`);
}

const visibleRows = (): Promise<number> => browser.evaluate<number>(`document.querySelectorAll('#results tr[data-row]:not([hidden])').length`);

describe.skipIf(missing)(`the HTML report in headless chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('of a runc run shows the JSON report\'s counts, marks the failures as expected, and filters by mouse', async () => {
    expect(bad(runc)).toBeGreaterThan(0);
    await show(join(dir, 'runc.html'), 'html-report-runc.png');
    const counts = await browser.evaluate<Record<string, string>>(`Object.fromEntries([...document.querySelectorAll('[data-count]')].map(e => [e.dataset.count, e.textContent]))`);
    expect(counts).toEqual(Object.fromEntries(Object.entries(runc.summary.counts).map(([k, v]) => [k, String(v)])));
    expect(await visibleRows()).toBe(runc.results.length);
    const cells = await browser.evaluate<[string, string, string][]>(`[...document.querySelectorAll('#results tr[data-row]')].map(r => [r.dataset.id, r.querySelector('.cell').dataset.status, r.querySelector('.cell').dataset.mark])`);
    expect(cells).toEqual(runc.results.map((r) => [r.id, r.outcome.status, r.outcome.status === 'pass' || r.outcome.status === 'skip' ? '' : 'expected']));
    // Each failure's evidence: its config in a collapsed <details>, the runtime's calls, a spec link.
    const ev = await browser.evaluate<{ sections: number; configs: number; calls: number; links: number }>(
      `({ sections: document.querySelectorAll('section.ev').length, configs: document.querySelectorAll('section.ev details:not([open]) > pre').length, calls: document.querySelectorAll('section.ev table.calls tr').length, links: document.querySelectorAll('section.ev a[href^="https://github.com/opencontainers/"]').length })`,
    );
    expect(ev.sections).toBe(bad(runc));
    expect(ev.configs).toBeGreaterThanOrEqual(bad(runc));
    expect(ev.calls).toBeGreaterThan(bad(runc));
    expect(ev.links).toBeGreaterThanOrEqual(bad(runc));

    await browser.click('#only-failed');
    expect(await visibleRows()).toBe(bad(runc));
    expect(await browser.evaluate<string>(`document.getElementById('shown').textContent`)).toBe(String(bad(runc)));
    await browser.click('#only-unexpected');
    expect(await visibleRows()).toBe(0); // every failure is in the baseline
    expect(await browser.evaluate<number>(`document.querySelectorAll('section.ev:not([hidden])').length`)).toBe(0);
    await browser.click('#only-unexpected');
    await browser.click('#only-failed');
    expect(await visibleRows()).toBe(runc.results.length);
    expect(browser.errors).toEqual([]);
  });

  it('of a merge of runc and oci-ts-runtime is a matrix: a column each, the verdicts of both reports, cells linking to the evidence', async () => {
    const html = join(dir, 'matrix.html');
    const r = await runCli(['merge', join(dir, 'runc.json'), join(dir, 'ts.json'), '--reporter', `html=${html}`], { env });
    expect([r.code, r.stderr]).toEqual([1, '']); // oci-ts-runtime's failure, without a baseline, is unexpected
    await show(html, 'html-report-matrix.png');
    const heads = await browser.evaluate<string[]>(`[...document.querySelectorAll('#results tr:first-child th')].map(e => e.textContent)`);
    expect(heads).toEqual(['case', 'requirements', 'runc @ hybrid', 'oci-ts-runtime.js @ hybrid']);
    const rows = await browser.evaluate<[string, string[], string[], boolean[]][]>(
      `[...document.querySelectorAll('#results tr[data-row]')].map(r => { const c = [...r.querySelectorAll('.cell')]; return [r.dataset.id, c.map(x => x.dataset.status), c.map(x => x.dataset.mark), c.map(x => { const a = x.querySelector('a'); return !a || !!document.getElementById(a.getAttribute('href').slice(1)); })]; })`,
    );
    const statusOf = (rep: Report, id: string): Status | undefined => rep.results.find((x) => x.id === id)?.outcome.status;
    expect(rows.map((x) => x[0])).toEqual(runc.results.map((x) => x.id));
    for (const [id, statuses, marks, linksResolve] of rows) {
      expect(statuses, id).toEqual([statusOf(runc, id), statusOf(ts, id)]);
      expect(marks[0], id).toBe(statusOf(runc, id) === 'pass' || statusOf(runc, id) === 'skip' ? '' : 'expected');
      expect(marks[1], id).toBe(statusOf(ts, id) === 'fail' || statusOf(ts, id) === 'error' ? 'unexpected' : '');
      expect(linksResolve, id).toEqual([true, true]);
    }
    const counts = await browser.evaluate<string[][]>(`[...document.querySelectorAll('section.run')].map(s => [...s.querySelectorAll('[data-count]')].map(e => e.textContent))`);
    expect(counts).toEqual([runc, ts].map((rep) => ['pass', 'fail', 'warn', 'skip', 'error'].map((s) => String(rep.summary.counts[s as Status]))));
    await browser.click('#only-unexpected');
    const unexpectedIds = ts.results.filter((x) => x.outcome.status === 'fail' || x.outcome.status === 'error').map((x) => x.id);
    expect(unexpectedIds.length).toBeGreaterThan(0);
    expect(await browser.evaluate<string[]>(`[...document.querySelectorAll('#results tr[data-row]:not([hidden])')].map(r => r.dataset.id)`)).toEqual(unexpectedIds);
    expect(browser.errors).toEqual([]);
  });

  it('shows markup in a report\'s values as text: no element, no script run', async () => {
    const doc = JSON.parse(readFileSync(join(dir, 'runc.json'), 'utf8')) as Report;
    const failed = doc.results.find((x) => x.outcome.status === 'fail' && x.configs.length > 0)!;
    failed.configs[0]!.config.process.env.push(`X=${HOSTILE}`);
    failed.notes.push(HOSTILE);
    writeFileSync(join(dir, 'hostile.json'), JSON.stringify(doc));
    const html = join(dir, 'hostile.html');
    const r = await runCli(['merge', join(dir, 'hostile.json'), '--reporter', `html=${html}`], { env });
    expect(r.stderr).toBe('');
    await show(html, 'html-report-hostile.png');
    const seen = await browser.evaluate<{ injected: unknown; scripts: number; imgs: number; details: number; inConfig: boolean; inNote: boolean }>(
      `({ injected: window.__injected ?? null, scripts: document.scripts.length, imgs: document.images.length, details: document.querySelectorAll('details').length,
         inConfig: [...document.querySelectorAll('details pre')].some(p => p.textContent.includes(${JSON.stringify(JSON.stringify(`X=${HOSTILE}`))})),
         inNote: [...document.querySelectorAll('ul.notes li')].some(li => li.textContent === 'note: ' + ${JSON.stringify(HOSTILE)}) })`,
    );
    const configs = doc.results.filter((x) => x.outcome.status !== 'pass' && x.outcome.status !== 'skip').reduce((n, x) => n + x.configs.length, 0);
    const callLists = await browser.evaluate<number>(`document.querySelectorAll('section.ev details[open]').length`);
    expect(seen).toEqual({ injected: null, scripts: 1, imgs: 0, details: configs + callLists, inConfig: true, inNote: true });
    expect(browser.errors).toEqual([]);
  });
});
