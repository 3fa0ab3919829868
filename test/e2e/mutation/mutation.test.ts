/**
 * Sensitivity, proven by the suite itself: runc wrapped (wrap.sh) so that one
 * thing is broken for one case at a time, and the case must fail.
 *
 * - Every case whose config differs from the minimal one in a field it checks
 *   (found from the configs it really created, see plan.ts) runs with that field
 *   reverted before create, as a runtime that ignores it would build it.
 * - Every case citing a state or lifecycle requirement runs against the liar
 *   that breaks it (plan.ts LIARS).
 * - The same cases through the wrapper with nothing changed match runc's
 *   committed baseline (ci/expectations/runc.yaml).
 *
 * Pairs that are not caught are listed with a reason in not-caught.ts; the test
 * fails on an unlisted one and on a stale entry. The figure (proven negatives /
 * cases) is printed, and written as JSON to $OCI_CONFORM_MUTATION_REPORT when set.
 * $OCI_CONFORM_MUTATION_SPEC_VERSION runs it at another spec version (e.g. 1.3.0).
 * Needs root, runc, jq and `npm run build`, like the other e2e runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTree } from '../../../harness/cleanup.js';
import { leftovers } from '../conform/leftovers.js';
import { figure, measure, type Sensitivity } from './sensitivity.js';
import { NOT_CAUGHT } from './not-caught.js';
import { FIELD_OVERRIDES, type MutationKind } from './plan.js';

const REPO = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let s: Sensitivity;

beforeAll(async () => {
  const jq = spawnSync('jq', ['--version']);
  if (jq.error || jq.status !== 0) throw new Error('the mutation check needs jq on PATH (apt-get install jq): wrap.sh edits config.json and state with it');
  dir = await mkdtemp(join(tmpdir(), 'oci-conform-mutation-'));
  const env = { OCI_CONFORM_LEDGER_DIR: join(dir, 'ledger'), NO_COLOR: '1' };
  s = await measure({
    dir,
    env,
    jobs: 2,
    liarTimeoutMs: 10_000,
    specVersion: process.env.OCI_CONFORM_MUTATION_SPEC_VERSION || undefined,
    baselineArgs: ['--expectations', join(REPO, 'ci', 'expectations', 'runc.yaml')],
  });
  const f = figure(s);
  const pct = (x: { caught: number; total: number }): string => `${x.caught}/${x.total} (${x.total ? Math.round((100 * x.caught) / x.total) : 0}%)`;
  const lines = [
    `sensitivity at spec ${s.baseline.run.specVersion}: config fields ${pct(f.config)} cases with a proven negative; lifecycle/state ${pct(f.lifecycle)}`,
    ...Object.entries(f.byKind).map(([k, v]) => `  ${k}: ${pct(v)}`),
    `  caught only by runc refusing the mutated config at create: ${f.byRefusal.join(', ') || 'none'}`,
    `  runs (ms): ${JSON.stringify(s.durationsMs)}`,
    ...s.targets.filter((t) => t.verdict.exercised && !t.verdict.caught).map((t) => `  not caught: ${t.kind} ${t.id}: ${t.verdict.how}`),
    `  not judged (the case never saw the liar's change): ${s.targets.filter((t) => !t.verdict.exercised).map((t) => `${t.kind} ${t.id}`).join(', ') || 'none'}`,
  ];
  console.log(lines.join('\n'));
  const out = process.env.OCI_CONFORM_MUTATION_REPORT;
  if (out) await writeFile(out, JSON.stringify({ specVersion: s.baseline.run.specVersion, figure: f, durationsMs: s.durationsMs, targets: s.targets }, null, 2));
}, 1_800_000);

afterAll(async () => {
  if (dir) await removeTree(dir);
});

describe('sensitivity: runc broken in one way at a time fails the cases that check that thing', () => {
  it('through the wrapper with nothing changed, runc matches its committed baseline and leaves nothing behind', () => {
    const b = s.baselineRun;
    expect(s.baseline.summary.expectations, b.stdout.slice(-3000)).toMatchObject({ unexpected: [], stale: [] });
    expect(b.code).toBe(0);
    expect(s.baseline.summary.leftovers).toEqual([]);
    expect(leftovers({ runId: s.baseline.run.runId, workDir: s.baseline.run.workDir, ledgerDir: join(dir, 'ledger') })).toEqual([]);
  });

  it('every mutation took effect where it was aimed, and every run cleaned up', () => {
    expect(s.problems).toEqual([]);
    expect(s.configTargets.size).toBeGreaterThan(0);
    expect(s.targets.filter((t) => t.kind === 'config' && !t.verdict.exercised).map((t) => t.id)).toEqual([]);
    for (const id of Object.keys(FIELD_OVERRIDES)) expect(s.baseline.results.some((r) => r.id === id), `FIELD_OVERRIDES: no case ${id}`).toBe(true);
  });

  it('each case checking a config field fails with that field reverted, or is listed in not-caught.ts with a reason', () => {
    expect(judgeList('config')).toEqual({ unlisted: [], stale: [] });
  });

  it('each case citing a state or lifecycle requirement fails against the liar that breaks it, or is listed', () => {
    const kinds = Object.keys(NOT_CAUGHT).filter((k) => k !== 'config') as MutationKind[];
    expect(Object.fromEntries(kinds.map((k) => [k, judgeList(k)]))).toEqual(Object.fromEntries(kinds.map((k) => [k, { unlisted: [], stale: [] }])));
  });
});

/**
 * Not caught and not listed (with what happened), and listed but stale: caught now, or no
 * target of this mutation although the case ran. Entries for cases that did not run here
 * (skipped at this spec version or on this host) are neither.
 */
function judgeList(kind: MutationKind): { unlisted: string[]; stale: string[] } {
  const listed = NOT_CAUGHT[kind];
  const mine = s.targets.filter((t) => t.kind === kind && t.verdict.exercised);
  const unlisted = mine.filter((t) => !t.verdict.caught && !(t.id in listed)).map((t) => `${t.id}: ${t.verdict.status}, ${t.verdict.how}`);
  const stale = Object.keys(listed)
    .filter((id) => !s.baseline.results.some((r) => r.id === id) || s.ran.has(id))
    .filter((id) => {
      const t = mine.find((x) => x.id === id);
      return !t || t.verdict.caught;
    })
    .map((id) => `${id}: ${mine.find((x) => x.id === id)?.verdict.how ?? 'not a target of this mutation'}`);
  return { unlisted, stale };
}
