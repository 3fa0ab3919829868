/**
 * oci-validate: the composition root. Parses argv into ValidateOptions (one
 * row per option in VALIDATE_CLI, read by cli/options.ts),
 * validates each path, prints one report, exits with the documented code.
 * bin/oci-validate.js runs this module's bundle (dist/oci-validate.js, see
 * scripts/build.ts) with the loader of code-cached scripts and calls run().
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CodeCache } from '../core/code-cache.js';
import { EXIT, OciError } from '../core/errors.js';
import { loadCatalogue } from '../spec/loaded-catalogue.js';
import type { DocumentResult } from '../validators/document.js';
import type { ValidateOptions } from '../validators/inputs.js';
import { validatePath } from '../validators/inputs.js';
import { KINDS } from '../validators/kinds/index.js';
import type { InputError, ValidateFormatter } from '../reporters/validate/format.js';
import { text } from '../reporters/validate/text.js';
import { json } from '../reporters/validate/json.js';
import { sarif } from '../reporters/validate/sarif.js';
import { internalError } from './failure.js';
import { helpText, packageVersion, parseCommandLine, type CliSpec, type CommandLine } from './options.js';

const FORMATS: Readonly<Record<string, ValidateFormatter>> = { text, json, sarif };

interface Draft extends Mutable<ValidateOptions> {
  format: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const usage = (m: string): OciError => new OciError('OCI_USAGE', m);

function positiveInt(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n <= 0) throw usage(`--${flag} ${v}: expected a positive whole number`);
  return n;
}

const KIND_NAMES = KINDS.map((k) => k.name);

/** The options of oci-validate, one row each (cli/options.ts adds -h/--help, --version, --no-color). */
export const VALIDATE_CLI: CliSpec<Draft> = {
  tool: 'oci-validate',
  usageCode: 'OCI_USAGE',
  synopsis: `Usage: oci-validate [options] PATH...

Validates OCI artifacts: a config.json, a bundle directory, a state document
(as 'runtime state ID' prints), a features document, an image document, an
image layout directory or its tar / tar.gz archive; '-' reads stdin.`,
  options: [
    {
      flag: 'kind',
      value: 'KIND',
      help: `treat every PATH as this kind (${KIND_NAMES.join(', ')})`,
      apply: (o, v) => {
        if (!KIND_NAMES.includes(v)) throw usage(`--kind ${v}: expected one of ${KIND_NAMES.join(', ')}`);
        o.kind = v;
      },
    },
    { flag: 'spec-version', value: 'X.Y.Z', help: 'validate against this spec version, not the declared one', apply: (o, v) => (o.specVersion = v) },
    {
      flag: 'level',
      value: 'MUST|SHOULD',
      help: 'findings at or above this level are errors (default MUST)',
      apply: (o, v) => {
        const level = v.toUpperCase();
        if (level !== 'MUST' && level !== 'SHOULD') throw usage(`--level ${v}: expected MUST or SHOULD`);
        o.level = level;
      },
    },
    {
      flag: 'format',
      value: 'text|json|sarif',
      help: 'report format (default text)',
      apply: (o, v) => {
        if (!(v in FORMATS)) throw usage(`--format ${v}: expected one of ${Object.keys(FORMATS).join(', ')}`);
        o.format = v;
      },
    },
    { flag: 'max-bytes', value: 'N', help: 'largest JSON document read (default 16 MiB)', apply: (o, v) => (o.maxBytes = positiveInt('max-bytes', v)) },
    { flag: 'complete', help: 'image layouts: a referenced blob missing from the layout is an error', apply: (o) => (o.complete = true) },
    {
      flag: 'max-decompressed-bytes',
      value: 'N',
      help: 'image layouts: decompressed layer bytes allowed in all (default 16 GiB)',
      apply: (o, v) => (o.maxDecompressedBytes = positiveInt('max-decompressed-bytes', v)),
    },
    {
      flag: 'max-decompression-ratio',
      value: 'N',
      help: 'image layouts: a layer (or tar.gz) that expands more than N times its compressed size, past 256 MiB, is a decompression bomb (default 500; 0: no limit)',
      apply: (o, v) => {
        const n = Number(v);
        if (!Number.isSafeInteger(n) || n < 0) throw usage(`--max-decompression-ratio ${v}: expected a whole number, 0 for no limit`);
        o.maxDecompressionRatio = n;
      },
    },
  ],
  exits: [
    ['0', 'every document valid'],
    ['1', 'errors found (at or above --level)'],
    ['2', 'usage error or unreadable input'],
    ['4', 'internal error: a bug of ours (please report it)'],
  ],
};

/** Where the CLI writes; the build's training run passes one that discards. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isTTY: boolean;
  /** NO_COLOR, OCI_DEBUG; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Straight to the descriptors: process.stdout and stderr are streams whose
 * set-up (net, tty, stream) costs a start more than a whole small validation.
 */
const STDIO: CliIo = {
  out: (t) => writeAll(1, t),
  err: (t) => writeAll(2, t),
  get isTTY() {
    return stdoutIsTerminal();
  },
};

/**
 * Whether stdout is a terminal, asking node:tty (which loads net and stream)
 * only of a character device that is not /dev/null: files and pipes are
 * answered by one fstat.
 */
function stdoutIsTerminal(): boolean {
  try {
    const st = fstatSync(1);
    if (!st.isCharacterDevice() || st.rdev === statSync('/dev/null').rdev) return false;
    const tty = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
    return tty.isatty(1);
  } catch {
    return false;
  }
}

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text);
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // the reader has gone (`| head`): nothing more to say to it
      if (code === 'EPIPE') return;
      // a non-blocking pipe that is full: wait for the reader a moment
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

/**
 * oci-validate on argv: the exit code (docs/INTERPRETING.md); a bug of ours is one line and EXIT.internal.
 * `codeCache`: the scripts of the build's dist/ to run validators and rules from (core/code-cache.ts); none from source.
 */
export async function main(argv: readonly string[], io: CliIo = STDIO, codeCache?: CodeCache): Promise<number> {
  const env = io.env ?? process.env;
  try {
    return await validate(argv, io, env, codeCache);
  } catch (e) {
    return internalError('oci-validate', e, io.err, env);
  }
}

async function validate(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv, codeCache: CodeCache | undefined): Promise<number> {
  let cl: CommandLine<Draft>;
  try {
    cl = parseCommandLine(VALIDATE_CLI, argv, { format: 'text' }, env);
    if (cl.action === 'run' && cl.positionals.length === 0) throw usage('no PATH given (try --help)');
  } catch (e) {
    if (!(e instanceof OciError)) throw e;
    io.err(`oci-validate: ${e.message}\n`);
    return EXIT.usage;
  }
  if (cl.action === 'help') {
    io.out(`${helpText(VALIDATE_CLI)}\n`);
    return EXIT.ok;
  }
  if (cl.action === 'version') {
    io.out(`${packageVersion(import.meta.url)}\n`);
    return EXIT.ok;
  }
  const opts = cl.options;
  // only text has colours; the terminal is asked last
  const color = opts.format === 'text' && cl.color && io.isTTY;
  const results: DocumentResult[] = [];
  const inputErrors: InputError[] = [];
  for (const p of cl.positionals) {
    try {
      results.push(...(await validatePath(p, codeCache ? { ...opts, codeCache } : opts)));
    } catch (e) {
      if (!(e instanceof OciError)) throw e;
      // one input's error never costs the others their results: each is reported, the run goes on (exit 2 at the end)
      io.err(`oci-validate: ${e.message}\n`);
      inputErrors.push({ file: p, code: e.code, message: e.message });
    }
  }
  const formatter = FORMATS[opts.format]!;
  // loaded already when a finding cites a requirement (validators/document.ts); a clean run never loads it
  const catalogue = results.some((r) => r.diagnostics.some((d) => d.requirement)) ? await loadCatalogue() : undefined;
  if (results.length > 0 || opts.format !== 'text') {
    // only SARIF names the tool's version: the other formats don't read package.json
    const toolVersion = opts.format === 'sarif' ? packageVersion(import.meta.url) : undefined;
    io.out(formatter(results, { color, catalogue, inputErrors, ...(toolVersion ? { toolVersion } : {}) }));
  }
  if (inputErrors.length > 0) return EXIT.usage;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT.findings : EXIT.ok;
}

/** The process's entry (core/code-cache.ts startEntry calls it): main on its arguments, the exit code set. */
export function run(argv: readonly string[] = process.argv.slice(2), codeCache?: CodeCache): void {
  main(argv, STDIO, codeCache).then(
    (code) => {
      process.exitCode = code;
    },
    // main reports its own failures: this is a failure of that report itself
    (e: unknown) => {
      process.exitCode = EXIT.internal;
      try {
        internalError('oci-validate', e, STDIO.err);
      } catch {
        /* nowhere left to say it */
      }
    },
  );
}
