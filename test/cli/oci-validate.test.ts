/** oci-validate's main(argv, io) in-process: the common options, usage errors and the exit statuses. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, VALIDATE_CLI } from '../../cli/oci-validate.js';
import { EXIT } from '../../core/errors.js';
import { memoryIo } from './helpers.js';

const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
let dir: string;
let good: string;
let bad: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oci-validate-main-'));
  good = join(dir, 'state.json');
  writeFileSync(good, JSON.stringify({ ociVersion: '1.0.2', id: 'c1', status: 'running', pid: 4242, bundle: '/var/lib/c1' }));
  bad = join(dir, 'bad.json');
  writeFileSync(bad, '{\n  "ociVersion": "1.0.0",\n}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('oci-validate main()', () => {
  it('-h and --help print the help from the option table, exit 0', async () => {
    for (const flag of ['-h', '--help']) {
      const io = memoryIo();
      expect(await main([flag], io)).toBe(EXIT.ok);
      expect(io.said.out).toMatch(/^Usage: oci-validate \[options\] PATH\.\.\./);
      for (const row of VALIDATE_CLI.options) expect(io.said.out).toContain(`--${row.flag}`);
      for (const f of ['-h, --help', '--version', '--no-color']) expect(io.said.out).toContain(f);
      expect(io.said.out).toMatch(/^ {2}4 +internal error/m);
      expect(io.said.err).toBe('');
    }
  });

  it("--version prints package.json's version, exit 0", async () => {
    const io = memoryIo();
    expect(await main(['--version'], io)).toBe(EXIT.ok);
    expect(io.said.out).toBe(`${VERSION}\n`);
  });

  it('a misspelled flag: one line with a did-you-mean, exit 2, nothing validated', async () => {
    const io = memoryIo();
    expect(await main(['--formt', 'json', good], io)).toBe(EXIT.usage);
    expect(io.said.err).toBe('oci-validate: unknown option --formt (did you mean --format?)\n');
    expect(io.said.out).toBe('');
  });

  it('a missing value and a bad value: one line each, exit 2', async () => {
    const missing = memoryIo();
    expect(await main([good, '--kind'], missing)).toBe(EXIT.usage);
    expect(missing.said.err).toBe('oci-validate: option --kind needs a value (--kind KIND)\n');
    const wrong = memoryIo();
    expect(await main(['--max-bytes', '0', good], wrong)).toBe(EXIT.usage);
    expect(wrong.said.err).toBe('oci-validate: --max-bytes 0: expected a positive whole number\n');
    const none = memoryIo();
    expect(await main([], none)).toBe(EXIT.usage);
    expect(none.said.err).toBe('oci-validate: no PATH given (try --help)\n');
  });

  it('0 valid, 1 findings, 2 an unreadable input', async () => {
    expect(await main([good], memoryIo())).toBe(EXIT.ok);
    expect(await main([bad], memoryIo())).toBe(EXIT.findings);
    const io = memoryIo();
    expect(await main([join(dir, 'missing.json')], io)).toBe(EXIT.usage);
    expect(io.said.err).toBe(`oci-validate: ${join(dir, 'missing.json')}: no such file or directory\n`);
  });

  it('colours only on a terminal, and never with --no-color or NO_COLOR', async () => {
    const colours = async (argv: string[], env: NodeJS.ProcessEnv = {}): Promise<boolean> => {
      const io = memoryIo({ isTTY: true, env });
      expect(await main(argv, io)).toBe(EXIT.findings);
      return io.said.out.includes('\u001b[');
    };
    expect(await colours([bad])).toBe(true);
    expect(await colours(['--no-color', bad])).toBe(false);
    expect(await colours([bad], { NO_COLOR: '1' })).toBe(false);
  });

  it('a bug of ours (here: the output throws) is one line and exit 4, the stack only with OCI_DEBUG=1', async () => {
    const said: string[] = [];
    const broken = (env: NodeJS.ProcessEnv) => ({
      out: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'write')");
      },
      err: (t: string) => void said.push(t),
      isTTY: false,
      env,
    });
    expect(await main([bad], broken({}))).toBe(EXIT.internal);
    expect(EXIT.internal).toBe(4);
    expect(said).toEqual(["oci-validate: internal error: Cannot read properties of undefined (reading 'write') (set OCI_DEBUG=1 for details)\n"]);
    said.length = 0;
    expect(await main([bad], broken({ OCI_DEBUG: '1' }))).toBe(EXIT.internal);
    expect(said.join('')).toMatch(/^oci-validate: internal error: Cannot read properties[^\n]*\nTypeError: [^\n]*\n\s+at /);
  });
});
