/**
 * The option table of both CLIs (STYLE 14): each option is one row (flag,
 * short alias, value name, help line, how it sets the options), and the same
 * rows parse argv and print --help, so an option can't exist without a flag
 * and a help line. Every tool also gets the common rows: -h/--help, --version
 * and --no-color (NO_COLOR in the environment does the same).
 *
 * An unknown flag is one line with the closest known one, and a missing value
 * is one line; both are usage errors (exit 2). It runs on oci-validate's start
 * path, so it imports nothing heavy (node:fs and node:util are loaded by every
 * start anyway).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { OciError, type ErrorCode } from '../core/errors.js';

interface RowBase {
  /** The long flag without its dashes: 'format' for --format. */
  readonly flag: string;
  /** One letter for a short alias: 'h' for -h. */
  readonly short?: string;
  /** One line for --help. */
  readonly help: string;
}

/** A switch: present or not. */
export interface SwitchRow<O> extends RowBase {
  readonly value?: undefined;
  readonly apply: (o: O) => void;
}

/** An option with a value: `--flag VALUE` or `--flag=VALUE`. */
export interface ValueRow<O> extends RowBase {
  /** The value's name in --help, e.g. 'N', 'text|json|sarif'. */
  readonly value: string;
  /** Repeatable: each value is applied in order. Otherwise the last one given wins. */
  readonly multiple?: boolean;
  /** Sets the options; throws usageError for a bad value. */
  readonly apply: (o: O, value: string) => void;
}

export type OptionRow<O> = SwitchRow<O> | ValueRow<O>;

export type ToolName = 'oci-validate' | 'oci-conform' | 'catalogue';

export interface CliSpec<O> {
  readonly tool: ToolName;
  /** The error code of a usage error of this tool. */
  readonly usageCode: Extract<ErrorCode, 'OCI_USAGE' | 'OCI_CONFORM_USAGE'>;
  /** What --help prints before the options: usage line(s) and a description. */
  readonly synopsis: string;
  readonly options: readonly OptionRow<O>[];
  /** Exit statuses for --help: [status, meaning], as in docs/INTERPRETING.md. */
  readonly exits: readonly (readonly [string, string])[];
}

export type CommandLine<O> =
  | { readonly action: 'help' }
  | { readonly action: 'version' }
  | {
      readonly action: 'run';
      readonly options: O;
      readonly positionals: readonly string[];
      /** False with --no-color or a non-empty NO_COLOR; whether the output is a terminal is the tool's to ask. */
      readonly color: boolean;
    };

interface Common {
  help: boolean;
  version: boolean;
  noColor: boolean;
}

/** The rows every tool has, after its own. */
const COMMON: readonly SwitchRow<Common>[] = [
  { flag: 'no-color', help: 'no colours (also when NO_COLOR is set, or the output is not a terminal)', apply: (c) => (c.noColor = true) },
  { flag: 'version', help: 'print the version', apply: (c) => (c.version = true) },
  { flag: 'help', short: 'h', help: 'print this help', apply: (c) => (c.help = true) },
];

/** NO_COLOR set to anything but the empty string (https://no-color.org). */
export function noColorEnv(env: NodeJS.ProcessEnv): boolean {
  return env.NO_COLOR !== undefined && env.NO_COLOR !== '';
}

export function usageError(spec: Pick<CliSpec<unknown>, 'usageCode'>, message: string): OciError {
  return new OciError(spec.usageCode, message);
}

type Found<O> = { readonly row: OptionRow<O>; readonly value: string } | { readonly common: SwitchRow<Common> };

/**
 * argv -> what to do. node:util's parseArgs splits argv (long and short flags, `--flag=value`, `--`, `-`) and
 * gives its tokens; what it would say of a problem is a multi-line Node message, and a string option there takes
 * the next argument even when that is another flag, so it runs lax and the tokens are judged here. Throws a usage
 * OciError (one line) for an unknown flag, a missing value or a value given to a switch, and whatever a row's
 * apply throws for a bad value. --help and --version win over every other option.
 */
export function parseCommandLine<O>(spec: CliSpec<O>, argv: readonly string[], options: O, env: NodeJS.ProcessEnv = process.env): CommandLine<O> {
  const rows: readonly (RowBase & { readonly value?: string })[] = [...spec.options, ...COMMON];
  const declared = Object.fromEntries(
    rows.map((r) => [r.flag, { type: r.value === undefined ? ('boolean' as const) : ('string' as const), multiple: true, ...(r.short ? { short: r.short } : {}) }]),
  );
  const { tokens } = parseArgs({ args: [...argv], options: declared, strict: false, allowPositionals: true, tokens: true });
  const found: Found<O>[] = [];
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push(t.value);
    if (t.kind !== 'option') continue;
    const shown = t.rawName;
    const common = COMMON.find((r) => r.flag === t.name);
    const row = common ?? spec.options.find((r) => r.flag === t.name);
    if (!row) throw usageError(spec, unknownOption(shown, shown.startsWith('--') ? t.name : undefined, rows));
    if (row.value === undefined) {
      if (t.inlineValue) throw usageError(spec, `option ${shown} takes no value`);
      found.push(common ? { common } : { row: row as OptionRow<O>, value: '' });
      continue;
    }
    // a flag where the value should be is a forgotten value, not the value (write --flag=-x for that)
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-') && t.value !== '-')) throw usageError(spec, `option ${shown} needs a value (${shown} ${row.value})`);
    found.push({ row: row as OptionRow<O>, value: t.value });
  }
  const c: Common = { help: false, version: false, noColor: false };
  for (const f of found) if ('common' in f) f.common.apply(c);
  if (c.help) return { action: 'help' };
  if (c.version) return { action: 'version' };
  for (const f of found) if ('row' in f) f.row.apply(options, f.value);
  return { action: 'run', options, positionals, color: !c.noColor && !noColorEnv(env) };
}

function unknownOption(shown: string, name: string | undefined, rows: readonly RowBase[]): string {
  const near = name === undefined ? undefined : closest(name, rows.map((r) => r.flag));
  return `unknown option ${shown} (${near ? `did you mean --${near}?` : 'see --help'})`;
}

/** The candidate nearest to `word` if it is near enough to be a slip of the keyboard. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/** Edits (insert, delete, substitute, swap two neighbours) turning a into b (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** --help: the synopsis, one line per option (the tool's, then the common ones), the exit statuses. */
export function helpText<O>(spec: CliSpec<O>): string {
  const rows: readonly RowBase[] = [...spec.options, ...COMMON];
  const label = (r: RowBase): string => {
    const v = 'value' in r && typeof r.value === 'string' ? ` ${r.value}` : '';
    return `  ${r.short ? `-${r.short}, ` : '    '}--${r.flag}${v}`;
  };
  const width = Math.min(34, Math.max(...rows.map((r) => label(r).length)) + 2);
  const lines = [spec.synopsis, '', 'Options:'];
  for (const r of rows) {
    const l = label(r);
    lines.push(l.length + 2 > width ? `${l}  ${r.help}` : `${l.padEnd(width)}${r.help}`);
  }
  lines.push('', 'Exit status:');
  for (const [status, meaning] of spec.exits) lines.push(`  ${status.padEnd(10)}${meaning}`);
  return lines.join('\n');
}

/**
 * The version in package.json, found from the entry's own URL (cli/ in the
 * sources, dist/ in the bundle): the nearest package.json up that is ours.
 * Read only when --version asks, so a start never pays for it.
 */
export function packageVersion(entryUrl: string): string {
  let dir = new URL('.', entryUrl);
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'oci-conform' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      /* not here: one level up */
    }
    dir = new URL('..', dir);
  }
  return '0.0.0';
}
