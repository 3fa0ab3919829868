/** oci-validate as a user runs it: formats, exit codes, stdin, several files in one process. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

let dir: string;
const DUP = '{\n  "ociVersion": "1.0.0",\n  "hostname": "a",\n  "hostname": "b"\n}\n';
const SYNTAX = '{\n  "ociVersion": "1.0.0",\n}\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oci-validate-cli-'));
  writeFileSync(join(dir, 'dup.json'), DUP);
  writeFileSync(join(dir, 'syntax.json'), SYNTAX);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonReport {
  schemaVersion: number;
  summary: { documents: number; errors: number };
  documents: Array<{ file: string; kind: string | null; diagnostics: Array<{ rule: string; pointer: string; line: number; column: number; severity: string }> }>;
}

describe('oci-validate CLI', () => {
  it('reports a syntax error at its line and column, exit 1', () => {
    const r = runCli('oci-validate.js', [join(dir, 'syntax.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'syntax.json')}:3:1: error invalid JSON: trailing comma before } [json.syntax]`);
  });

  it('reports a duplicate key at the repeated key, in the JSON format', () => {
    const r = runCli('oci-validate.js', ['--format', 'json', '--kind', 'config', join(dir, 'dup.json')]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.schemaVersion).toBe(1);
    const d = report.documents[0]!.diagnostics.find((x) => x.rule === 'json.duplicate-key');
    expect(d).toMatchObject({ pointer: '/hostname', line: 4, column: 3, severity: 'error' });
  });

  it('writes SARIF 2.1.0 with regions and rule descriptions', () => {
    const r = runCli('oci-validate.js', ['--format', 'sarif', join(dir, 'syntax.json'), join(dir, 'dup.json')]);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.results.map((x) => x.ruleId)).toEqual(expect.arrayContaining(['json.syntax', 'json.duplicate-key']));
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(expect.arrayContaining(['json.syntax', 'json.duplicate-key']));
    expect(run.results.find((x) => x.ruleId === 'json.syntax')!.locations[0]!.physicalLocation.region.startLine).toBe(3);
  });

  it('reads stdin with -, and names it', () => {
    const r = runCli('oci-validate.js', ['-'], { input: SYNTAX });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>:3:1: error');
  });

  it('checks many files in one process and counts them', () => {
    const files = Array.from({ length: 50 }, (_, i) => {
      const f = join(dir, `many-${i}.json`);
      writeFileSync(f, i === 7 ? SYNTAX : DUP);
      return f;
    });
    const r = runCli('oci-validate.js', ['--format', 'json', '--kind', 'config', ...files]);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.summary.documents).toBe(50);
    expect(report.documents.filter((d) => d.diagnostics.some((x) => x.rule === 'json.syntax')).map((d) => d.file)).toEqual([files[7]]);
  });

  it('prints help with exit 0', () => {
    const r = runCli('oci-validate.js', ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: oci-validate/);
  });
});
