import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateReportErrors } from './formats/report-schemas.js';

export const REPO = join(import.meta.dirname, '..', '..');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  input?: string | Buffer;
  cwd?: string;
  /** A program the CLI runs under (/usr/bin/time, strace, setpriv). */
  prefix?: readonly string[];
  /** Options for node itself, e.g. --max-old-space-size=256. */
  nodeArgs?: readonly string[];
  /** More environment (NO_COLOR=1 is always set). */
  env?: Readonly<Record<string, string>>;
  /** Killed (SIGKILL) after this long: code null, so that a hang fails its test instead of the run. */
  timeoutMs?: number;
}

/** Runs a built CLI (npm run build first) as a user would. */
export function runCli(bin: string, args: readonly string[], opts: RunOptions = {}): CliRun {
  const argv = [...(opts.prefix ?? []), process.execPath, ...(opts.nodeArgs ?? []), join(REPO, 'bin', bin), ...args];
  const r = spawnSync(argv[0]!, argv.slice(1), {
    input: opts.input,
    cwd: opts.cwd ?? REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    ...(opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs, killSignal: 'SIGKILL' as const } : {}),
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  if (bin === 'oci-validate.js') checkJsonReport(args, r.stdout);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A digest of a directory tree: every name, size, mtime and mode, and every file's bytes (links are
 * not followed: their targets are named). Equal before and after a run: the run changed nothing there.
 */
export function snapshot(d: string): string {
  const h = createHash('sha256');
  const walk = (p: string): void => {
    for (const name of readdirSync(p).sort()) {
      const f = join(p, name);
      const st = lstatSync(f);
      h.update(`${f} ${st.size} ${st.mtimeMs} ${st.mode}\n`);
      if (st.isDirectory()) walk(f);
      else if (st.isFile()) h.update(readFileSync(f));
    }
  };
  walk(d);
  return h.digest('hex');
}

/** Every JSON report oci-validate writes in a test must fit the schema we publish (schemas/): a misfit fails that test. */
function checkJsonReport(args: readonly string[], stdout: string): void {
  const i = args.indexOf('--format');
  if (i < 0 || args[i + 1] !== 'json' || stdout === '') return;
  const errors = validateReportErrors(JSON.parse(stdout));
  if (errors.length > 0) throw new Error(`oci-validate's JSON output does not fit schemas/oci-validate-report.v1.schema.json:\n${errors.join('\n')}`);
}
