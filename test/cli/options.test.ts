/** cli/options.ts: one table of rows parses argv and prints --help, for any tool. */
import { describe, expect, it } from 'vitest';
import { OciError } from '../../core/errors.js';
import { closest, editDistance, helpText, noColorEnv, parseCommandLine, usageError, type CliSpec } from '../../cli/options.js';

interface Opts {
  format: string;
  only: string[];
  complete: boolean;
  jobs?: number;
}

const SPEC: CliSpec<Opts> = {
  tool: 'oci-validate',
  usageCode: 'OCI_USAGE',
  synopsis: 'Usage: tool [options] PATH...',
  options: [
    {
      flag: 'format',
      value: 'text|json',
      help: 'report format',
      apply: (o, v) => {
        if (v !== 'text' && v !== 'json') throw usageError(SPEC, `--format ${v}: expected text or json`);
        o.format = v;
      },
    },
    { flag: 'only', value: 'GLOB', multiple: true, help: 'repeatable', apply: (o, v) => void o.only.push(v) },
    { flag: 'complete', help: 'a switch', apply: (o) => (o.complete = true) },
    { flag: 'jobs', short: 'j', value: 'N', help: 'with a short alias', apply: (o, v) => (o.jobs = Number(v)) },
  ],
  exits: [
    ['0', 'fine'],
    ['2', 'usage'],
    ['4', 'internal error'],
  ],
};

const fresh = (): Opts => ({ format: 'text', only: [], complete: false });
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseCommandLine(SPEC, argv, fresh(), env);

/** The usage error parse throws, as the CLI prints it. */
function usageOf(argv: string[]): string {
  try {
    parse(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(OciError);
    expect((e as OciError).code).toBe('OCI_USAGE');
    expect((e as OciError).exitCode).toBe(2);
    expect((e as OciError).message).not.toContain('\n');
    return (e as OciError).message;
  }
  throw new Error(`${argv.join(' ')} parsed`);
}

describe('parsing argv by the table', () => {
  it('values in both spellings, switches, repeats in order, a short alias, positionals', () => {
    const cl = parse(['--format', 'json', 'a.json', '--only=x.*', '--only', 'y', '--complete', '-j', '3', '-', 'b.json']);
    expect(cl).toEqual({ action: 'run', options: { format: 'json', only: ['x.*', 'y'], complete: true, jobs: 3 }, positionals: ['a.json', '-', 'b.json'], color: true });
  });

  it('the last of a repeated single-valued option wins; everything after -- is positional', () => {
    const cl = parse(['--format', 'json', '--format=text', '--', '--complete', '-h']);
    expect(cl).toMatchObject({ action: 'run', options: { format: 'text', complete: false }, positionals: ['--complete', '-h'] });
  });

  it('a value may start with a dash when written inline', () => {
    expect(parse(['--only=-x'])).toMatchObject({ options: { only: ['-x'] } });
  });

  it('-h, --help and --version win over everything else, bad values included', () => {
    expect(parse(['-h'])).toEqual({ action: 'help' });
    expect(parse(['--format', 'xml', '--help'])).toEqual({ action: 'help' });
    expect(parse(['a.json', '--version'])).toEqual({ action: 'version' });
    expect(parse(['--version', '--help'])).toEqual({ action: 'help' });
  });

  it('colour: off with --no-color or a non-empty NO_COLOR, on otherwise', () => {
    expect(parse(['x'])).toMatchObject({ color: true });
    expect(parse(['--no-color', 'x'])).toMatchObject({ color: false });
    expect(parse(['x'], { NO_COLOR: '1' })).toMatchObject({ color: false });
    expect(parse(['x'], { NO_COLOR: '' })).toMatchObject({ color: true });
    expect(noColorEnv({ NO_COLOR: '0' })).toBe(true);
    expect(noColorEnv({})).toBe(false);
  });
});

describe('usage errors: one line, exit 2', () => {
  it('an unknown flag near a known one says which', () => {
    expect(usageOf(['--formt', 'json'])).toBe('unknown option --formt (did you mean --format?)');
    expect(usageOf(['--complet'])).toBe('unknown option --complet (did you mean --complete?)');
    expect(usageOf(['--no-colour'])).toBe('unknown option --no-colour (did you mean --no-color?)');
    expect(usageOf(['--verison'])).toBe('unknown option --verison (did you mean --version?)');
    expect(usageOf(['--hlep'])).toBe('unknown option --hlep (did you mean --help?)');
  });

  it('an unknown flag near nothing points to --help', () => {
    expect(usageOf(['--bogus'])).toBe('unknown option --bogus (see --help)');
    expect(usageOf(['-x'])).toBe('unknown option -x (see --help)');
    expect(usageOf(['--f'])).toBe('unknown option --f (see --help)');
  });

  it('a missing value, also where another flag stands in its place', () => {
    expect(usageOf(['--format'])).toBe('option --format needs a value (--format text|json)');
    expect(usageOf(['--format', '--complete', 'x'])).toBe('option --format needs a value (--format text|json)');
    expect(usageOf(['-j'])).toBe('option -j needs a value (-j N)');
  });

  it('a value given to a switch, and a bad value by the row', () => {
    expect(usageOf(['--complete=yes'])).toBe('option --complete takes no value');
    expect(usageOf(['--help=1'])).toBe('option --help takes no value');
    expect(usageOf(['--format', 'xml'])).toBe('--format xml: expected text or json');
  });
});

describe('did you mean', () => {
  it('edit distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('format', 'format')).toBe(0);
    expect(editDistance('formt', 'format')).toBe(1);
    expect(editDistance('fromat', 'format')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests only what is near enough for the word length', () => {
    expect(closest('lst', ['run', 'list', 'cleanup', 'merge'])).toBe('list');
    expect(closest('jbos', ['jobs', 'only'])).toBe('jobs');
    expect(closest('xyz', ['run', 'list'])).toBeUndefined();
    expect(closest('spec-versoin', ['spec-version', 'level'])).toBe('spec-version');
  });
});

describe('--help from the same rows', () => {
  it('lists every option with its alias and value name, then the common ones, then the exit statuses', () => {
    const help = helpText(SPEC);
    expect(help.startsWith('Usage: tool [options] PATH...\n')).toBe(true);
    for (const flag of ['--format text|json', '--only GLOB', '--complete', '-j, --jobs N', '--no-color', '--version', '-h, --help']) expect(help).toContain(flag);
    expect(help).toMatch(/Exit status:\n {2}0 +fine\n {2}2 +usage\n {2}4 +internal error$/);
  });
});
