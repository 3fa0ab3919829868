/** oci-conform's command line (cli/conform-options.ts): argv into the options runConformance takes. */
import { describe, expect, it } from 'vitest';
import { OciError } from '../../core/errors.js';
import { CONFORM_CLI, OPTIONS, helpText, parseCli } from '../../cli/conform-options.js';

function usageOf(argv: string[]): string {
  try {
    parseCli(argv, {});
  } catch (e) {
    expect(e).toBeInstanceOf(OciError);
    expect((e as OciError).code).toBe('OCI_CONFORM_USAGE');
    expect((e as OciError).exitCode).toBe(2);
    return (e as OciError).message;
  }
  throw new Error(`${argv.join(' ')} parsed`);
}

describe('oci-conform command line', () => {
  it('parses into the options runConformance takes', () => {
    const o = parseCli(['run', '--runtime', 'runc', '--only', 'a.*', '--only', 'b', '--skip', 'c', '--jobs', '3', '--timeout', '500', '--level', 'SHOULD', '--reporter', 'tap', '--reporter', 'junit=x.xml', '--shard', '1/2', '--expectations', 'e1', '--expectations', 'e2', '--spec-version', '1.2.0'], {});
    expect(o).toMatchObject({ command: 'run', runtime: 'runc', only: ['a.*', 'b'], skip: ['c'], jobs: 3, timeoutMs: 500, level: 'SHOULD', shard: { index: 1, total: 2 }, expectations: ['e1', 'e2'], specVersion: '1.2.0', color: true });
    expect(o.reporters).toEqual([{ name: 'tap' }, { name: 'junit', file: 'x.xml' }]);
    expect(parseCli([], {}).reporters).toEqual([{ name: 'console' }]);
    expect(parseCli(['list'], {}).command).toBe('list');
    expect(parseCli(['merge', 'a.json', 'b.json', '--reporter', 'json'], {})).toMatchObject({ command: 'merge', files: ['a.json', 'b.json'] });
  });

  it('-h, --help and --version are commands of their own', () => {
    expect(parseCli(['-h'], {}).command).toBe('help');
    expect(parseCli(['list', '--help'], {}).command).toBe('help');
    expect(parseCli(['--version'], {}).command).toBe('version');
  });

  it('--no-color and NO_COLOR turn the colours off', () => {
    expect(parseCli(['--no-color'], {}).color).toBe(false);
    expect(parseCli([], { NO_COLOR: '1' }).color).toBe(false);
    expect(parseCli([], { NO_COLOR: '' }).color).toBe(true);
  });

  it('every option has a help line, and the exit statuses are listed', () => {
    const help = helpText();
    for (const o of OPTIONS) expect(help).toContain(`--${o.flag}`);
    for (const flag of ['-h, --help', '--version', '--no-color']) expect(help).toContain(flag);
    for (const [status] of CONFORM_CLI.exits) expect(help).toMatch(new RegExp(`^ {2}${status} `, 'm'));
  });

  it('bad input is a usage error with exit 2, in one line', () => {
    expect(usageOf(['--jobs', 'x'])).toBe('--jobs x: expected a positive integer');
    expect(usageOf(['--level', 'MAY'])).toBe('--level MAY: expected MUST or SHOULD');
    expect(usageOf(['--nope'])).toBe('unknown option --nope (see --help)');
    expect(usageOf(['--jbos', '2'])).toBe('unknown option --jbos (did you mean --jobs?)');
    expect(usageOf(['--runtime'])).toBe('option --runtime needs a value (--runtime PATH)');
    expect(usageOf(['lst'])).toBe('unknown command lst (did you mean list?): expected run, list, cleanup, merge or coverage (see --help)');
    expect(usageOf(['a', 'b'])).toBe('unknown command a: expected run, list, cleanup, merge or coverage (see --help)');
    expect(usageOf(['list', 'b'])).toBe('unexpected argument b (see --help)');
    expect(usageOf(['merge'])).toMatch(/^merge needs the JSON reports to combine/);
    expect(usageOf(['--shard', '3/2'])).toBe('--shard 3/2: expected K/N with 1 <= K <= N');
  });
});
