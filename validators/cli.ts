/**
 * oci-validate: the composition root. Parses argv into ValidateOptions,
 * validates each path, prints one report, exits with the documented code.
 * bin/oci-validate.js runs this module's bundle (dist/oci-validate.js, see
 * scripts/build.ts) with the loader of code-cached scripts and calls run().
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { CodeCache } from '../core/code-cache.js';
import { EXIT, OciError } from '../core/errors.js';
import { loadCatalogue } from '../spec/loaded-catalogue.js';
import type { DocumentResult } from './document.js';
import type { ValidateOptions } from './inputs.js';
import { validatePath } from './inputs.js';
import { KINDS } from './kinds/index.js';
import type { ValidateFormatter } from '../reporters/validate/format.js';
import { text } from '../reporters/validate/text.js';
import { json } from '../reporters/validate/json.js';
import { sarif } from '../reporters/validate/sarif.js';

const FORMATS: Readonly<Record<string, ValidateFormatter>> = { text, json, sarif };

const HELP = `Usage: oci-validate [options] PATH...

Validates OCI artifacts: a config.json, a bundle directory, a state document
(as 'runtime state ID' prints), a features document, an image document, an
image layout directory or its tar / tar.gz archive; '-' reads stdin.

Options:
  --kind KIND            treat every PATH as this kind (${KINDS.map((k) => k.name).join(', ')})
  --spec-version X.Y.Z   validate against this spec version, not the declared one
  --level MUST|SHOULD    findings at or above this level are errors (default MUST)
  --format text|json|sarif   report format (default text)
  --max-bytes N          largest JSON document read (default 16 MiB)
  --complete             image layouts: a referenced blob missing from the layout is an error
  --max-decompressed-bytes N   image layouts: decompressed layer bytes allowed in all (default 16 GiB)
  --no-color             no colours (also when NO_COLOR is set or not a TTY)
  -h, --help             this help

Exit: 0 valid, 1 errors found, 2 usage or unreadable input.`;

interface CliOptions extends ValidateOptions {
  readonly format: string;
  readonly color: boolean;
  readonly paths: readonly string[];
}

/** Where the CLI writes; the build's training run passes one that discards. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isTTY: boolean;
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

function parse(argv: readonly string[], io: CliIo): CliOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      kind: { type: 'string' },
      'spec-version': { type: 'string' },
      level: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'max-bytes': { type: 'string' },
      complete: { type: 'boolean', default: false },
      'max-decompressed-bytes': { type: 'string' },
      'no-color': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new OciError('OCI_USAGE', 'no PATH given (try --help)');
  const format = values.format ?? 'text';
  if (!(format in FORMATS)) throw new OciError('OCI_USAGE', `--format ${format}: expected one of ${Object.keys(FORMATS).join(', ')}`);
  const level = values.level?.toUpperCase();
  if (level !== undefined && level !== 'MUST' && level !== 'SHOULD') throw new OciError('OCI_USAGE', `--level ${values.level}: expected MUST or SHOULD`);
  if (values.kind !== undefined && !KINDS.some((k) => k.name === values.kind))
    throw new OciError('OCI_USAGE', `--kind ${values.kind}: expected one of ${KINDS.map((k) => k.name).join(', ')}`);
  let maxBytes: number | undefined;
  if (values['max-bytes'] !== undefined) {
    maxBytes = Number(values['max-bytes']);
    if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new OciError('OCI_USAGE', `--max-bytes ${values['max-bytes']}: expected a positive whole number`);
  }
  let maxDecompressedBytes: number | undefined;
  if (values['max-decompressed-bytes'] !== undefined) {
    maxDecompressedBytes = Number(values['max-decompressed-bytes']);
    if (!Number.isSafeInteger(maxDecompressedBytes) || maxDecompressedBytes <= 0)
      throw new OciError('OCI_USAGE', `--max-decompressed-bytes ${values['max-decompressed-bytes']}: expected a positive whole number`);
  }
  return {
    paths: positionals,
    format,
    // only text has colours; the terminal is asked last
    color: format === 'text' && !values['no-color'] && !process.env.NO_COLOR && io.isTTY,
    ...(values.kind ? { kind: values.kind } : {}),
    ...(values['spec-version'] ? { specVersion: values['spec-version'] } : {}),
    ...(level ? { level } : {}),
    ...(maxBytes ? { maxBytes } : {}),
    ...(values.complete ? { complete: true } : {}),
    ...(maxDecompressedBytes ? { maxDecompressedBytes } : {}),
  };
}

/** `codeCache`: the scripts of the build's dist/ to run validators and rules from (core/code-cache.ts); none from source. */
export async function main(argv: readonly string[], io: CliIo = STDIO, codeCache?: CodeCache): Promise<number> {
  let opts: CliOptions | 'help';
  try {
    opts = parse(argv, io);
  } catch (e) {
    io.err(`oci-validate: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
  if (opts === 'help') {
    io.out(`${HELP}\n`);
    return EXIT.ok;
  }
  const results: DocumentResult[] = [];
  let inputError = false;
  for (const p of opts.paths) {
    try {
      results.push(...(await validatePath(p, codeCache ? { ...opts, codeCache } : opts)));
    } catch (e) {
      if (!(e instanceof OciError)) throw e;
      if (e.code === 'OCI_USAGE') {
        io.err(`oci-validate: ${e.message}\n`);
        return EXIT.usage;
      }
      io.err(`oci-validate: ${e.message}\n`);
      inputError = true;
    }
  }
  const formatter = FORMATS[opts.format]!;
  // loaded already when a finding cites a requirement (validators/document.ts); a clean run never loads it
  const catalogue = results.some((r) => r.diagnostics.some((d) => d.requirement)) ? await loadCatalogue() : undefined;
  if (results.length > 0 || opts.format !== 'text') io.out(formatter(results, { color: opts.color, catalogue }));
  if (inputError) return EXIT.usage;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT.findings : EXIT.ok;
}

/** The process's entry (core/code-cache.ts startEntry): main on its arguments, the exit code set, a bug of ours reported in one line. */
export function run(argv: readonly string[] = process.argv.slice(2), codeCache?: CodeCache): void {
  main(argv, STDIO, codeCache).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A bug of ours: still one line, and the stack only on request.
      STDIO.err(`oci-validate: internal error: ${e instanceof Error ? e.message : String(e)} (set OCI_DEBUG=1 for details)\n`);
      if (process.env.OCI_DEBUG && e instanceof Error) STDIO.err(`${e.stack}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
