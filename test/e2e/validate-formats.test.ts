/**
 * oci-validate's machine formats, each fed to the consumer it is written for: SARIF to the SARIF 2.1.0 schema (ajv)
 * and to Microsoft's SARIF validator; an unreadable input is a failed invocation in SARIF and an `errors` entry in
 * JSON, so neither can pass for a clean run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { sarifMultitoolFindings, sarifSchemaErrors } from './formats/consumers.js';
import { validateReportErrors } from './formats/report-schemas.js';

let dir: string;
// two findings of the generic rule schema.enum that cite different requirements (namespaces, seccomp)
const BAD = {
  ociVersion: '1.0.2',
  root: { path: 'rootfs' },
  process: { cwd: '/', args: ['sh'], user: { uid: 0, gid: 0 } },
  linux: { namespaces: [{ type: 'bogus' }], seccomp: { defaultAction: 'SCMP_ACT_BOGUS' } },
};
const GOOD = { ociVersion: '1.0.2', root: { path: 'rootfs' }, process: { cwd: '/', args: ['sh'], user: { uid: 0, gid: 0 } } };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oci-validate-formats-'));
  writeFileSync(join(dir, 'bad.json'), `${JSON.stringify(BAD, null, 2)}\n`);
  writeFileSync(join(dir, 'good.json'), `${JSON.stringify(GOOD, null, 2)}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface SarifLog {
  runs: {
    tool: { driver: { version?: string; rules: { id: string; helpUri?: string; shortDescription: { text: string } }[] } };
    invocations: { executionSuccessful: boolean; exitCode?: number; toolExecutionNotifications?: { level: string; message: { text: string }; descriptor: { id: string } }[] }[];
    results: { ruleId: string; properties: { requirement: string; reference?: string } }[];
  }[];
}

function sarifOf(args: readonly string[], name: string): { code: number | null; log: SarifLog; file: string; stderr: string } {
  const r = runCli('oci-validate.js', ['--format', 'sarif', ...args], { cwd: dir });
  const file = join(dir, `${name}.sarif`);
  writeFileSync(file, r.stdout);
  return { code: r.code, log: JSON.parse(r.stdout) as SarifLog, file, stderr: r.stderr };
}

describe('oci-validate --format sarif', () => {
  it('findings: valid SARIF 2.1.0 (schema and Microsoft validator), one description per rule, whichever finding comes first', () => {
    const { code, log, file } = sarifOf(['bad.json'], 'bad');
    expect(code).toBe(1);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(sarifMultitoolFindings(file, join(dir, 'bad.check.sarif'))).toEqual([]);
    const run = log.runs[0]!;
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    expect(run.results.map((r) => r.properties.requirement)).toEqual(['LNX-NS-TYPE-VALID', 'LNX-SECCOMP-DEFAULT-ACTION-REQUIRED']);
    // one rule, described by what it checks, not by the namespaces text of the first finding
    expect(run.tool.driver.rules).toHaveLength(1);
    expect(run.tool.driver.rules[0]).toMatchObject({ id: 'schema.enum', shortDescription: { text: 'A value is not one of those the spec allows there.' } });
    expect(run.tool.driver.rules[0]!.helpUri).toBeUndefined();
    expect(run.results.map((r) => r.properties.reference)).toEqual([
      'https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config-linux.md#namespaces',
      'https://github.com/opencontainers/runtime-spec/blob/v1.0.2/config-linux.md#seccomp',
    ]);
    // the same description when the findings come the other way round
    const swapped = { ...BAD, linux: { seccomp: BAD.linux.seccomp, namespaces: BAD.linux.namespaces } };
    writeFileSync(join(dir, 'swapped.json'), JSON.stringify(swapped, null, 2));
    expect(sarifOf(['swapped.json'], 'swapped').log.runs[0]!.tool.driver.rules).toEqual(run.tool.driver.rules);
  });

  it('an unreadable input is a failed invocation with its message, exit 2, and still valid SARIF', () => {
    const { code, log, file, stderr } = sarifOf(['nonexistent.json'], 'missing');
    expect(code).toBe(2);
    expect(stderr).toBe('oci-validate: nonexistent.json: no such file or directory\n');
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(sarifMultitoolFindings(file, join(dir, 'missing.check.sarif'))).toEqual([]);
    const inv = log.runs[0]!.invocations[0]!;
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.exitCode).toBe(2);
    expect(inv.toolExecutionNotifications).toMatchObject([{ level: 'error', message: { text: 'nonexistent.json: no such file or directory' }, descriptor: { id: 'OCI_INPUT_NOT_FOUND' } }]);
    // with a readable input beside it: its findings are there, and the run still failed
    const both = sarifOf(['good.json', 'nonexistent.json'], 'both');
    expect(both.code).toBe(2);
    expect(both.log.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
  });

  it('a clean run: a successful invocation, no results, valid', () => {
    const { code, log, file } = sarifOf(['good.json'], 'good');
    expect(code).toBe(0);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(sarifMultitoolFindings(file, join(dir, 'good.check.sarif'))).toEqual([]);
    expect(log.runs[0]!.invocations).toEqual([{ executionSuccessful: true }]);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('oci-validate --format json', () => {
  it('names each unreadable input in `errors`, beside the documents it could read', () => {
    const r = runCli('oci-validate.js', ['--format', 'json', 'good.json', 'nonexistent.json'], { cwd: dir });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { errors: unknown[]; documents: { file: string }[] };
    expect(doc.errors).toEqual([{ file: 'nonexistent.json', code: 'OCI_INPUT_NOT_FOUND', message: 'nonexistent.json: no such file or directory' }]);
    expect(doc.documents.map((d) => d.file)).toEqual(['good.json']);
    expect(validateReportErrors(doc)).toEqual([]);
    const clean = JSON.parse(runCli('oci-validate.js', ['--format', 'json', 'good.json'], { cwd: dir }).stdout) as { errors: unknown[] };
    expect(clean.errors).toEqual([]);
    expect(validateReportErrors(clean)).toEqual([]);
    const findings = JSON.parse(runCli('oci-validate.js', ['--format', 'json', 'bad.json'], { cwd: dir }).stdout) as unknown;
    expect(validateReportErrors(findings)).toEqual([]);
    // the schema is no rubber stamp: a report without its errors member, or with a finding of an unknown level, fails it
    expect(validateReportErrors({ ...clean, errors: undefined })).not.toEqual([]);
  });
});
