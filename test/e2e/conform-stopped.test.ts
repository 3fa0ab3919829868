/**
 * oci-conform runs that stop before their cases (needs `npm run build`):
 * whatever the exit code, every reporter writes its report, saying why, and
 * the run leaves nothing behind. The runtimes are bash wrappers around runc
 * (test/harness/helpers/wrappers.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTree } from '../../harness/cleanup.js';
import { leftovers, runCli, makeRunDir } from './conform/leftovers.js';
import { writeWrapper } from '../harness/helpers/wrappers.js';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => ({ dir, env } = await makeRunDir('oci-conform-stopped-')));
afterAll(async () => {
  await removeTree(dir);
});

interface Report {
  reportVersion: number;
  run: { runId?: string; workDir?: string; runtime?: { binary?: string; profile?: string }; specVersion?: string };
  stopped?: { code: string; message: string };
  summary: { exitCode: number; counts: Record<string, number> };
  results: unknown[];
}

describe('a run that stops before its cases still writes its reports', () => {
  it('a runtime whose start runs nothing: exit 1, the runtime blamed, JSON/TAP/JUnit say why', async () => {
    const rt = await writeWrapper(dir, 'noop-start');
    const [json, tap, xml] = [join(dir, 'a.json'), join(dir, 'a.tap'), join(dir, 'a.xml')];
    const r = await runCli(['--runtime', rt, '--profile', 'runc', '--only', 'lifecycle.**', '--reporter', `json=${json}`, '--reporter', `tap=${tap}`, '--reporter', `junit=${xml}`], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^oci-conform: OCI_CONFORM_CANARY_RUNTIME_FAILED: the runtime started nothing: .* start ran nothing;/m);
    const doc = JSON.parse(await readFile(json, 'utf8')) as Report;
    expect(doc.reportVersion).toBe(2);
    expect(doc.stopped?.code).toBe('OCI_CONFORM_CANARY_RUNTIME_FAILED');
    expect(doc.stopped?.message).toMatch(/state still said status "created"/);
    expect(doc.summary.exitCode).toBe(1);
    expect(doc.results).toEqual([]);
    expect(doc.run.runtime).toMatchObject({ binary: rt, profile: 'runc' });
    expect(doc.run.specVersion).toBe('1.0.2-dev'); // runc's features say ociVersionMax 1.0.2-dev
    expect(await readFile(tap, 'utf8')).toMatch(/^Bail out! OCI_CONFORM_CANARY_RUNTIME_FAILED: the runtime started nothing/m);
    expect(await readFile(xml, 'utf8')).toContain('type="OCI_CONFORM_CANARY_RUNTIME_FAILED"');
    expect(leftovers({ runId: doc.run.runId!, workDir: doc.run.workDir!, ledgerDir: env.OCI_CONFORM_LEDGER_DIR! })).toEqual([]);
  });

  it('a runtime that can\'t run here: exit 3 (the host), with the JSON report saying so', async () => {
    const rt = await writeWrapper(dir, 'refuses-host');
    const json = join(dir, 'b.json');
    const r = await runCli(['--runtime', rt, '--profile', 'runc', '--reporter', `json=${json}`, '--reporter', 'console'], { env });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^oci-conform: OCI_CONFORM_CANARY_FAILED: .*cannot run containers on this host/m);
    expect(r.stdout).toMatch(/^stopped: OCI_CONFORM_CANARY_FAILED: .* \(exit 3\)$/m);
    const doc = JSON.parse(await readFile(json, 'utf8')) as Report;
    expect(doc.stopped?.code).toBe('OCI_CONFORM_CANARY_FAILED');
    expect(doc.summary.exitCode).toBe(3);
    expect(leftovers({ runId: doc.run.runId!, workDir: doc.run.workDir!, ledgerDir: env.OCI_CONFORM_LEDGER_DIR! })).toEqual([]);
  });

  it('a runtime that is not there (exit 3) and a usage error found after the reporters exist (exit 2)', async () => {
    const missing = join(dir, 'c.json');
    const r = await runCli(['--runtime', join(dir, 'no-such-runtime'), '--reporter', `json=${missing}`], { env });
    expect(r.code).toBe(3);
    const doc = JSON.parse(await readFile(missing, 'utf8')) as Report;
    expect(doc.stopped?.code).toBe('OCI_CONFORM_RUNTIME_NOT_FOUND');
    expect(doc.run.runId).toBeUndefined();
    const usage = join(dir, 'd.json');
    const u = await runCli(['--runtime', '/usr/bin/runc', '--only', 'no.such.case', '--reporter', `json=${usage}`], { env });
    expect(u.code).toBe(2);
    expect((JSON.parse(await readFile(usage, 'utf8')) as Report).stopped?.code).toBe('OCI_CONFORM_USAGE');
  });
});
