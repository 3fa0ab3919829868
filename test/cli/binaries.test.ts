/**
 * Both built binaries as real processes (npm run build first): a misspelled
 * flag or a missing value is one line on stderr and exit 2, -h and --version
 * work in both, and a bug of ours is one line and exit 4 without a stack.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeShardReport, writeThrowingReporter } from './helpers.js';

const REPO = join(import.meta.dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oci-cli-binaries-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(bin: 'oci-validate' | 'oci-conform', args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', `${bin}.js`), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, OCI_DEBUG: '', ...env }, timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.each([
  ['oci-validate', ['--formt', 'json', 'config.json'], 'unknown option --formt (did you mean --format?)', ['config.json', '--level'], 'option --level needs a value (--level MUST|SHOULD)'],
  ['oci-conform', ['list', '--jbos', '2'], 'unknown option --jbos (did you mean --jobs?)', ['list', '--skip'], 'option --skip needs a value (--skip GLOB)'],
] as const)('%s as a process', (bin, misspelled, line, valueless, missingLine) => {
  it('a misspelled flag: one line, exit 2', () => {
    const r = run(bin, misspelled);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${bin}: ${line}\n`);
    expect(r.stdout).toBe('');
  });

  it('a missing value: one line, exit 2', () => {
    const r = run(bin, valueless);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${bin}: ${missingLine}\n`);
  });

  it('-h prints the help with the exit statuses, exit 0', () => {
    const r = run(bin, ['-h']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: ${bin} `));
    expect(r.stdout).toMatch(/^ {2}4 +internal error: a bug of ours/m);
    expect(r.stderr).toBe('');
  });

  it("--version prints package.json's version", () => {
    const r = run(bin, ['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
  });
});

describe('an internal error as a process', () => {
  it('oci-conform: one line, exit 4, no stack; the stack with OCI_DEBUG=1', () => {
    const argv = ['merge', writeShardReport(dir), '--reporter', writeThrowingReporter(dir)];
    const r = run('oci-conform', argv);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe("oci-conform: internal error: cannot read properties of undefined (reading 'x') (set OCI_DEBUG=1 for details)\n");
    const debug = run('oci-conform', argv, { OCI_DEBUG: '1' });
    expect(debug.code).toBe(4);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
