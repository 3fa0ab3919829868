import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { validateReportErrors } from './formats/report-schemas.js';

export const REPO = join(import.meta.dirname, '..', '..');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a built CLI (npm run build first) as a user would. */
export function runCli(bin: string, args: readonly string[], opts: { input?: string | Buffer; cwd?: string; prefix?: readonly string[] } = {}): CliRun {
  const argv = [...(opts.prefix ?? []), process.execPath, join(REPO, 'bin', bin), ...args];
  const r = spawnSync(argv[0]!, argv.slice(1), {
    input: opts.input,
    cwd: opts.cwd ?? REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  if (bin === 'oci-validate.js') checkJsonReport(args, r.stdout);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every JSON report oci-validate writes in a test must fit the schema we publish (schemas/): a misfit fails that test. */
function checkJsonReport(args: readonly string[], stdout: string): void {
  const i = args.indexOf('--format');
  if (i < 0 || args[i + 1] !== 'json' || stdout === '') return;
  const errors = validateReportErrors(JSON.parse(stdout));
  if (errors.length > 0) throw new Error(`oci-validate's JSON output does not fit schemas/oci-validate-report.v1.schema.json:\n${errors.join('\n')}`);
}
