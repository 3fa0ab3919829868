/**
 * scripts/determinism.ts: its comparison, and the property it checks on the full suite, here on a few lifecycle
 * cases against runc (cheap): the shards 1/3, 2/3 and 3/3 of a selection, merged by `oci-conform merge`, are the
 * whole run of it case for case, each case in exactly one shard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { removeTree } from '../../harness/cleanup.js';
import { onPath } from '../../harness/discover.js';
import type { Report } from '../../scripts/compare-reports.js';
import { conform, merge, parseArgs, shardDetails, statusDifferences } from '../../scripts/determinism.js';
import { leftovers, makeRunDir } from '../e2e/conform/leftovers.js';

const report = (...cases: Array<[string, string]>): Report => ({ results: cases.map(([id, status]) => ({ id, outcome: { status } })) });

describe('statusDifferences', () => {
  it('lists, case by case, the cases whose status is not the same in every report, and cases a report lacks', () => {
    const a = report(['x', 'pass'], ['y', 'fail'], ['z', 'skip']);
    const b = report(['x', 'pass'], ['y', 'pass'], ['z', 'skip']);
    const c = report(['x', 'pass'], ['y', 'fail']);
    expect(statusDifferences([a, a, a])).toEqual([]);
    expect(statusDifferences([a, b, a])).toEqual([{ id: 'y', statuses: ['fail', 'pass', 'fail'] }]);
    expect(statusDifferences([a, c])).toEqual([{ id: 'z', statuses: ['skip', '(absent)'] }]);
  });
});

describe('shardDetails', () => {
  it("compares a shard's cases with the whole run's, folding each report's own work dir", () => {
    const c = (id: string, workDir: string) => ({ id, outcome: { status: 'fail', violations: [{ requirement: 'R', message: `create of ${workDir}/x failed` }] } });
    const whole: Report = { run: { workDir: '/w1' }, results: [c('a', '/w1'), c('b', '/w1')] };
    expect(shardDetails(whole, { run: { workDir: '/w2' }, results: [c('b', '/w2')] })).toEqual([]);
    expect(shardDetails(whole, { run: { workDir: '/w2' }, results: [c('b', '/w3')] })).toHaveLength(1);
  });
});

describe('parseArgs', () => {
  it('takes runs, shards and runtime, passes the rest on, and keeps --shard and --reporter its own', () => {
    expect(parseArgs([])).toEqual({ runs: 5, shards: 3, runtime: 'runc', keep: false, extra: [] });
    expect(parseArgs(['--runs', '3', '--only', 'lifecycle.**', '--runtime', '/usr/bin/crun'])).toEqual({ runs: 3, shards: 3, runtime: '/usr/bin/crun', keep: false, extra: ['--only', 'lifecycle.**'] });
    expect(() => parseArgs(['--runs', '0'])).toThrow('--runs wants a whole number of at least 1, not 0');
    expect(() => parseArgs(['--shards', '1'])).toThrow('--shards wants a whole number of at least 2, not 1');
    expect(() => parseArgs(['--shard', '1/2'])).toThrow("--shard is the script's to set");
  });
});

const built = existsSync(join(import.meta.dirname, '..', '..', 'dist', 'oci-conform.mjs'));
const root = process.getuid?.() === 0;
const runc = onPath('runc');

describe.skipIf(!built || !root || !runc)('three shards merged are the whole run (runc, a few lifecycle cases)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => ({ dir, env } = await makeRunDir('oci-conform-shards-')));
  afterAll(async () => {
    if (dir) await removeTree(dir);
  });

  it('case for case the same verdicts, each case in one shard', { timeout: 300_000 }, () => {
    const select = ['--runtime', runc!, '--only', 'lifecycle.create.*', '--only', 'lifecycle.kill.*', '--only', 'lifecycle.delete.*', '--only', 'lifecycle.ops.create.*'];
    const whole = conform(select, join(dir, 'whole.json'), env);
    expect(whole.results.length).toBeGreaterThanOrEqual(6);
    const files = [1, 2, 3].map((k) => join(dir, `shard-${k}.json`));
    const shards = files.map((f, i) => conform([...select, '--shard', `${i + 1}/3`], f, env));
    for (const s of shards) expect(s.results.length).toBeGreaterThan(0);
    expect(shards.reduce((n, s) => n + s.results.length, 0)).toBe(whole.results.length);
    const merged = merge(files, join(dir, 'merged.json'), env);
    expect(merged.results.map((c) => c.id)).toEqual(whole.results.map((c) => c.id).sort());
    expect(statusDifferences([whole, merged])).toEqual([]);
    for (const s of shards) expect(shardDetails(whole, s)).toEqual([]);
    for (const r of [whole, ...shards] as Array<Report & { run: { runId: string; workDir: string } }>) {
      expect(leftovers({ runId: r.run.runId, workDir: r.run.workDir, ledgerDir: env.OCI_CONFORM_LEDGER_DIR! })).toEqual([]);
    }
  });
});
