/**
 * oci-conform's main(argv, io) in-process: the common options, usage errors,
 * colours of the console reporter (through `merge`, which feeds reporters a
 * run without a runtime) and the internal-error status.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/oci-conform.js';
import { OPTIONS } from '../../cli/conform-options.js';
import { EXIT } from '../../core/errors.js';
import { memoryIo, writeShardReport, writeThrowingReporter } from './helpers.js';

const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
const ESC = '\u001b[';
let dir: string;
let report: string;
let savedNoColor: string | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oci-conform-main-'));
  report = writeShardReport(dir);
  // colours.ts also reads the process's NO_COLOR: the environment under test is io.env
  savedNoColor = process.env.NO_COLOR;
  delete process.env.NO_COLOR;
});
afterAll(() => {
  if (savedNoColor !== undefined) process.env.NO_COLOR = savedNoColor;
  rmSync(dir, { recursive: true, force: true });
});

describe('oci-conform main()', () => {
  it('-h and --help print the help from the option table, exit 0', async () => {
    for (const flag of ['-h', '--help']) {
      const io = memoryIo();
      expect(await main([flag], io)).toBe(EXIT.ok);
      expect(io.said.out).toMatch(/^Usage: oci-conform /);
      for (const row of OPTIONS) expect(io.said.out).toContain(`--${row.flag}`);
      for (const f of ['-h, --help', '--version', '--no-color']) expect(io.said.out).toContain(f);
      expect(io.said.out).toMatch(/^ {2}4 +internal error/m);
    }
  });

  it("--version prints package.json's version, exit 0", async () => {
    const io = memoryIo();
    expect(await main(['--version'], io)).toBe(EXIT.ok);
    expect(io.said.out).toBe(`${VERSION}\n`);
  });

  it('a --case-file citing an id the catalogue lacks is refused in one line, exit 2; a good one is listed', async () => {
    const write = (name: string, requirement: string): string => {
      const f = join(dir, name);
      writeFileSync(f, `export default { id: 'test.${name.split('.')[0]}', title: 't', requirements: ['${requirement}'], run: async () => {} };\n`);
      return f;
    };
    const bad = memoryIo();
    expect(await main(['list', '--case-file', write('misspelt.case.mjs', 'RT-KILL-SENDS-SIGNAAL'), '--only', 'test.**'], bad)).toBe(EXIT.usage);
    expect(bad.said.err).toMatch(/^oci-conform: .*--case-file .*misspelt\.case\.mjs: requirement RT-KILL-SENDS-SIGNAAL is not in the catalogue \(spec\/\)\n$/);
    expect(bad.said.out).toBe('');
    const good = memoryIo();
    expect(await main(['list', '--case-file', write('fine.case.mjs', 'RT-KILL-SENDS-SIGNAL'), '--only', 'test.**'], good)).toBe(EXIT.ok);
    expect(good.said.out).toBe('test.fine\tRT-KILL-SENDS-SIGNAL\t\tt\n');
  });

  it('a misspelled flag or a missing value: one line, exit 2', async () => {
    const io = memoryIo();
    expect(await main(['list', '--ony', 'linux.**'], io)).toBe(EXIT.usage);
    expect(io.said.err).toBe('oci-conform: unknown option --ony (did you mean --only?)\n');
    expect(io.said.out).toBe('');
    const missing = memoryIo();
    expect(await main(['list', '--only'], missing)).toBe(EXIT.usage);
    expect(missing.said.err).toBe('oci-conform: option --only needs a value (--only GLOB)\n');
  });

  it('an error with a code is one line with the code and its exit status', async () => {
    const io = memoryIo();
    expect(await main(['merge', join(dir, 'missing.json'), '--reporter', 'json'], io)).toBe(EXIT.usage);
    expect(io.said.err).toMatch(/^oci-conform: OCI_CONFORM_USAGE: merge: \S+missing\.json: ENOENT[^\n]*\n$/);
  });

  it('merge judges expectations limited to hosts with the reports\' host profile, and refuses shards of different profiles', async () => {
    const exp = (name: string, hosts: string[]): string => {
      const f = join(dir, name);
      writeFileSync(f, JSON.stringify({ runtime: 'runc', hosts, expectations: { 'lifecycle.b': { status: 'fail', reason: 'r', requirement: 'RT-KILL-SENDS-SIGNAL' } } }));
      return f;
    };
    // the sample shard ran on a hybrid host
    const onHybrid = memoryIo();
    expect(await main(['merge', report, '--expectations', exp('hybrid.json', ['cgroup-hybrid']), '--reporter', 'json'], onHybrid)).toBe(EXIT.ok);
    const onV2 = memoryIo();
    expect(await main(['merge', report, '--expectations', exp('v2.json', ['cgroup-v2']), '--reporter', 'json'], onV2)).toBe(EXIT.findings);
    expect(JSON.parse(onV2.said.out).summary.expectations.unexpected).toEqual([{ id: 'lifecycle.b', expected: 'pass', actual: 'fail' }]);
    const bad = memoryIo();
    expect(await main(['merge', report, '--expectations', exp('typo.json', ['cgroupv2']), '--reporter', 'json'], bad)).toBe(EXIT.usage);
    expect(bad.said.err).toMatch(/^oci-conform: OCI_CONFORM_EXPECTATIONS: \S+typo\.json: hosts\[0\]: unknown host word "cgroupv2" \(known: cgroup-v1, [^\n]*\n$/);
    const other = join(dir, 'other-host.json');
    const doc = JSON.parse(readFileSync(report, 'utf8'));
    doc.run.host.profile = { ...doc.run.host.profile, name: 'v2', terms: ['cgroup-v2', 'root', 'cgroupfs'] };
    doc.results = [];
    writeFileSync(other, JSON.stringify(doc));
    const mixed = memoryIo();
    expect(await main(['merge', report, other, '--reporter', 'json'], mixed)).toBe(EXIT.usage);
    expect(mixed.said.err).toMatch(/other-host\.json ran on a host of profile v2 \(cgroup-v2, root, cgroupfs\), \S+ on hybrid \(cgroup-v1, cgroup-hybrid, root, cgroupfs\)/);
  });

  describe('the console reporter on a terminal', () => {
    const consoleOf = async (argv: string[], env: NodeJS.ProcessEnv = {}): Promise<string> => {
      const io = memoryIo({ isTTY: true, env });
      expect(await main(['merge', report, ...argv], io)).toBe(EXIT.findings);
      expect(io.said.out).toContain('lifecycle.b');
      return io.said.out;
    };

    it('paints by default', async () => {
      const out = await consoleOf([]);
      expect(out).toContain(`${ESC}31mFAIL`);
      expect(out).toContain(`${ESC}32m1 passed`);
    });

    it('paints nothing with --no-color', async () => {
      const out = await consoleOf(['--no-color']);
      expect(out).not.toMatch(/\u001b\[\d+m/);
      expect(out).toContain('FAIL lifecycle.b');
      expect(out).toContain('1 passed, 1 failed');
    });

    it('paints nothing with NO_COLOR set', async () => {
      const out = await consoleOf([], { NO_COLOR: '1' });
      expect(out).not.toMatch(/\u001b\[\d+m/);
      expect(out).toContain('FAIL lifecycle.b');
      expect(out).toContain('1 passed, 1 failed');
    });
  });

  it('a bug of ours (a reporter that throws) is one line and exit 4, the stack only with OCI_DEBUG=1', async () => {
    const reporter = writeThrowingReporter(dir);
    const io = memoryIo();
    expect(await main(['merge', report, '--reporter', reporter], io)).toBe(EXIT.internal);
    expect(io.said.err).toBe("oci-conform: internal error: cannot read properties of undefined (reading 'x') (set OCI_DEBUG=1 for details)\n");
    const debug = memoryIo({ env: { OCI_DEBUG: '1' } });
    expect(await main(['merge', report, '--reporter', reporter], debug)).toBe(EXIT.internal);
    expect(debug.said.err).toMatch(/^oci-conform: internal error: cannot read properties[^\n]*\nTypeError: [^\n]*\n\s+at .*throwing-reporter\.mjs/);
  });

  it('a bug of ours in the output itself is exit 4 too', async () => {
    const said: string[] = [];
    const io = {
      out: () => {
        throw new RangeError('Invalid string length');
      },
      err: (t: string) => void said.push(t),
      isTTY: false,
      env: {},
    };
    expect(await main(['list'], io)).toBe(EXIT.internal);
    expect(said).toEqual(['oci-conform: internal error: Invalid string length (set OCI_DEBUG=1 for details)\n']);
  });
});
