/**
 * argv -> the options object runConformance takes (STYLE 14). Every option is
 * one row of CONFORM_CLI (cli/options.ts: its flag, its help line and how it
 * sets the options, so an option can't exist without a flag and a help line).
 */
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { OciError } from '../core/errors.js';
import { parseShard } from '../harness/plan.js';
import type { ConformOptions } from '../harness/run.js';
import type { ReporterSpec } from '../reporters/conform/index.js';
import { parseReporterSpec } from '../reporters/conform/index.js';
import type { CoverageFormat } from './coverage-format.js';
import { closest, helpText as renderHelp, parseCommandLine, type CliSpec, type OptionRow } from './options.js';

export type Command = 'run' | 'list' | 'cleanup' | 'merge' | 'coverage' | 'help' | 'version';

const COMMANDS = ['run', 'list', 'cleanup', 'merge', 'coverage'];

export interface CliOptions extends ConformOptions {
  readonly command: Command;
  readonly reporters: readonly ReporterSpec[];
  /** Extra case modules (plain JS, default export a case) for out-of-tree cases. */
  readonly caseFiles: readonly string[];
  /** cleanup: sweep runs that look alive too. */
  readonly force: boolean;
  /** merge: JSON reports of shards to combine. */
  readonly files: readonly string[];
  /** False with --no-color or NO_COLOR: the console reporter paints nothing. */
  readonly color: boolean;
  /** coverage: text (default), markdown or json. */
  readonly format?: CoverageFormat;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const usage = (m: string): OciError => new OciError('OCI_CONFORM_USAGE', m);

function positiveInt(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw usage(`--${flag} ${v}: expected a positive integer`);
  return n;
}

export const OPTIONS: readonly OptionRow<Mutable<CliOptions>>[] = [
  { flag: 'runtime', value: 'PATH', help: 'runtime binary (path or name on PATH); default: ours, else the first of runc, crun, youki', apply: (o, v) => (o.runtime = v) },
  { flag: 'profile', value: 'NAME', help: 'runtime profile (runc, crun, youki, runsc, oci-ts-runtime, generic); default: by binary name', apply: (o, v) => (o.profile = v) },
  { flag: 'spec-version', value: 'V', help: "target runtime-spec version; default: the runtime's features ociVersionMax, else 1.3.0", apply: (o, v) => (o.specVersion = v) },
  {
    flag: 'level',
    value: 'MUST|SHOULD',
    help: 'lowest requirement level whose violation fails a case (below it: a warning); default MUST',
    apply: (o, v) => {
      if (v !== 'MUST' && v !== 'SHOULD') throw usage(`--level ${v}: expected MUST or SHOULD`);
      o.level = v;
    },
  },
  { flag: 'only', value: 'GLOB', multiple: true, help: "run only case ids matching (repeatable; '*' one segment, '**' any)", apply: (o, v) => (o.only = [...o.only, v]) },
  { flag: 'skip', value: 'GLOB', multiple: true, help: 'leave out case ids matching (repeatable)', apply: (o, v) => (o.skip = [...o.skip, v]) },
  { flag: 'jobs', value: 'N', help: 'cases run at once; default: number of CPUs', apply: (o, v) => (o.jobs = positiveInt('jobs', v)) },
  { flag: 'timeout', value: 'MS', help: 'per-case timeout in milliseconds; default 30000', apply: (o, v) => (o.timeoutMs = positiveInt('timeout', v)) },
  { flag: 'reporter', value: 'NAME[=FILE]', multiple: true, help: 'console, tap (TAP 14), tap13 (TAP 13, for Perl prove), junit=FILE, json[=FILE], html=FILE (one page, offline), or a module path (repeatable); default console', apply: (o, v) => (o.reporters = [...o.reporters, parseReporterSpec(v)]) },
  {
    flag: 'expectations',
    value: 'FILE',
    multiple: true,
    help: 'baseline of known results (ci/expectations/<runtime>.yaml, or JSON; a * in the file name is expanded; repeatable, merged): exit 0 when the run matches it',
    apply: (o, v) => (o.expectations = [...(o.expectations ?? []), v]),
  },
  {
    flag: 'artifacts',
    value: 'DIR',
    help: 'keep the config.json of every case that did not pass under DIR/<run id>/ (default: $OCI_CONFORM_ARTIFACTS_DIR, else oci-conform-artifacts in the temp dir)',
    apply: (o, v) => (o.artifacts = v),
  },
  {
    flag: 'update-expectations',
    value: 'FILE',
    help: 'write or refresh this baseline (YAML; .json: JSON) from the run: keeps reasons, drops stale entries, adds new failures with a TODO reason',
    apply: (o, v) => (o.updateExpectations = v),
  },
  {
    flag: 'shard',
    value: 'K/N',
    help: 'run the K-th of N slices of the selected cases',
    apply: (o, v) => {
      const s = parseShard(v);
      if (!s) throw usage(`--shard ${v}: expected K/N with 1 <= K <= N`);
      o.shard = s;
    },
  },
  { flag: 'case-file', value: 'FILE', multiple: true, help: 'also load a case from this JS module (default export made like defineCase)', apply: (o, v) => (o.caseFiles = [...o.caseFiles, v]) },
  {
    flag: 'format',
    value: 'text|markdown|json',
    help: 'coverage: the output format; default text',
    apply: (o, v) => {
      if (v !== 'text' && v !== 'markdown' && v !== 'json') throw usage(`--format ${v}: expected text, markdown or json`);
      o.format = v;
    },
  },
  { flag: 'force', help: 'cleanup: also sweep runs whose process still seems alive', apply: (o) => (o.force = true) },
];

export const CONFORM_CLI: CliSpec<Mutable<CliOptions>> = {
  tool: 'oci-conform',
  usageCode: 'OCI_CONFORM_USAGE',
  synopsis: [
    'Usage: oci-conform [run|list|cleanup|coverage] [options]   |   oci-conform merge REPORT.json... [--reporter ...] [--expectations ...]',
    '',
    '  run       drive the runtime through every selected case (default)',
    '  list      print the selected case ids with their requirements and conditions',
    '  cleanup   remove what crashed runs left behind (containers, processes, cgroups, temp dirs)',
    '  merge     combine the JSON reports of --shard jobs into one run and judge it (expectations included);',
    '            reports of different runtimes or hosts: a matrix (--reporter html=FILE)',
    '  coverage  every requirement with the rules and cases that check it, whether they can run here, MUSTs covered per document',
  ].join('\n'),
  options: OPTIONS,
  exits: [
    ['0', 'conformant (or matches --expectations)'],
    ['1', 'failures (or results --expectations did not expect); the canary showed the runtime failing'],
    ['2', 'usage error'],
    ['3', 'environment: not root, runtime missing, canary failed'],
    ['4', 'internal error: a bug of ours (please report it)'],
    ['130/143', 'interrupted by SIGINT/SIGTERM (cleanup ran first)'],
  ],
};

export function defaults(): Mutable<CliOptions> {
  return { command: 'run', level: 'MUST', only: [], skip: [], jobs: availableParallelism(), timeoutMs: 30_000, reporters: [], caseFiles: [], force: false, files: [], color: true };
}

/** argv -> options; a usage OciError (one line, exit 2) for anything wrong. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const cl = parseCommandLine(CONFORM_CLI, argv, defaults(), env);
  if (cl.action !== 'run') return { ...defaults(), command: cl.action };
  const o = cl.options;
  o.color = cl.color;
  const [cmd, ...extra] = cl.positionals;
  if (cmd !== undefined) {
    if (cmd !== 'run' && cmd !== 'list' && cmd !== 'cleanup' && cmd !== 'merge' && cmd !== 'coverage') {
      const near = closest(cmd, COMMANDS);
      throw usage(`unknown command ${cmd}${near ? ` (did you mean ${near}?)` : ''}: expected run, list, cleanup, merge or coverage (see --help)`);
    }
    o.command = cmd;
  }
  if (o.command === 'merge') {
    if (extra.length === 0) throw usage('merge needs the JSON reports to combine: oci-conform merge a.json b.json ...');
    o.files = extra;
  } else if (extra.length > 0) throw usage(`unexpected argument ${extra[0]} (see --help)`);
  if (o.format !== undefined && o.command !== 'coverage') throw usage('--format is an option of coverage (the run formats are --reporter)');
  if (o.reporters.length === 0) o.reporters = [{ name: 'console' }];
  o.artifacts ??= env.OCI_CONFORM_ARTIFACTS_DIR || join(tmpdir(), 'oci-conform-artifacts');
  return o;
}

export function helpText(): string {
  return renderHelp(CONFORM_CLI);
}
