/**
 * Baselines written from real runs against runc (needs `npm run build`): --update-expectations adds the
 * failure with a TODO reason, a run gating on that file is refused until the reason is written, then the
 * same run matches it; the console shows the expected failure as expected, the config by its kept file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTree } from '../../harness/cleanup.js';
import { runCli, makeRunDir } from './conform/leftovers.js';
import { conformReportErrors } from './formats/report-schemas.js';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => ({ dir, env } = await makeRunDir('oci-conform-update-e2e-')));
afterAll(async () => {
  await removeTree(dir);
});

const FAILS = 'lifecycle.ops.delete.created';
const PASSES = 'lifecycle.create.state';

describe('--update-expectations with runc', () => {
  it('writes a YAML baseline with a TODO, which gates only once its reason is written', async () => {
    const base = join(dir, 'runc.yaml');
    const report = join(dir, 'report.json');
    const only = ['--runtime', '/usr/bin/runc', '--only', FAILS, '--only', PASSES];
    const first = await runCli([...only, '--update-expectations', base, '--reporter', 'console', '--reporter', `json=${report}`], { env });
    expect(first.code).toBe(1); // no baseline to gate on: a failure is a failure
    expect(first.stderr).toContain(`${base}: kept 0; added 1 (${FAILS}): write the TODO reasons before a run gates on it`);
    const text = await readFile(base, 'utf8');
    expect(text).toMatch(/^# Baseline of runc/);
    expect(text).toContain(`${FAILS}:\n    status: fail\n`);
    expect(text).toContain('TODO: say why runc breaks RT-DELETE-NOT-STOPPED-ERROR, RT-DELETE-NOT-STOPPED-NO-EFFECT here');
    expect(text).not.toContain(PASSES);

    // the console: one line per violation, the config by its kept file; the JSON report names it too
    expect(first.stdout).not.toContain('"ociVersion"');
    const doc = JSON.parse(await readFile(report, 'utf8'));
    expect(conformReportErrors(doc)).toEqual([]);
    const failed = doc.results.find((r: { id: string }) => r.id === FAILS);
    const kept = failed.configs[0].file as string;
    expect(kept.startsWith(join(dir, 'artifacts', doc.run.runId))).toBe(true);
    expect(JSON.parse(await readFile(kept, 'utf8'))).toEqual(failed.configs[0].config);
    expect(first.stdout).toContain(`  config of ${failed.configs[0].id}: ${kept}\n`);

    const refused = await runCli([...only, '--expectations', base], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`runc\\.yaml:\\d+: expectations\\.${FAILS.replace(/\./g, '\\.')}\\.reason: still a TODO`));
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);

    await writeFile(base, text.replace(/"?TODO: [^\n]*/, 'runc 1.1.5 deletes a created container'));
    const gated = await runCli([...only, '--expectations', base, '--update-expectations', base], { env });
    expect(gated.code).toBe(0);
    expect(gated.stdout).toContain(`EXPECTED FAIL ${FAILS}`);
    expect(gated.stdout).not.toMatch(new RegExp(`^FAIL ${FAILS.replace(/\./g, '\\.')}`, 'm'));
    expect(gated.stdout).toContain(`matches baseline ${base}\n`);
    expect(gated.stderr).toContain(`${base}: kept 1`);
    expect(await readFile(base, 'utf8')).toContain('reason: runc 1.1.5 deletes a created container');
  });

  it('refreshing a copy of the committed runc.yaml from a run that matches it leaves it byte for byte, at the default version and at 1.3.0', { timeout: 300_000 }, async () => {
    const committed = join(import.meta.dirname, '..', '..', 'ci', 'expectations', 'runc.yaml');
    const original = await readFile(committed, 'utf8');
    const base = join(dir, 'committed-runc.yaml');
    await copyFile(committed, base);
    // a top-level entry, a case with none, and a case the 1.3.0 group names (overriding a top-level entry there)
    const only = ['--only', FAILS, '--only', PASSES, '--only', 'hooks.failure.start-container'];
    for (const version of [[], ['--spec-version', '1.3.0']]) {
      const r = await runCli(['--runtime', '/usr/bin/runc', ...only, ...version, '--expectations', base, '--update-expectations', base, '--reporter', 'console'], { env });
      expect(r.code, `${r.stdout.slice(-3000)}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(`matches baseline ${base}\n`);
      expect(r.stderr).toContain(`${base}: kept 45\n`);
      expect(await readFile(base, 'utf8')).toBe(original);
    }
  });

  it('a stale entry (its case passes) is dropped by the update, and still fails the gate of that run', async () => {
    const base = join(dir, 'stale.yaml');
    await writeFile(base, `# kept comment\nruntime: runc\nexpectations:\n  ${PASSES}:\n    status: fail\n    reason: once failed\n`);
    const r = await runCli(['--runtime', '/usr/bin/runc', '--only', PASSES, '--expectations', base, '--update-expectations', base], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`stale expectation: ${PASSES} expected fail, got pass`);
    expect(r.stderr).toContain(`dropped 1 (${PASSES})`);
    const text = await readFile(base, 'utf8');
    expect(text).toContain('# kept comment');
    expect(text).not.toContain(PASSES);
    expect(existsSync(join(dir, 'artifacts'))).toBe(true);
  });
});
