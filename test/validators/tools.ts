/** Running the real tools whose documents the validator tests read (runc, crun, ctr, podman, buildah). */
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';

export const IS_ROOT = process.getuid?.() === 0;

/** The tool's path on PATH, or undefined (its tests then skip, saying so). */
export function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

/** Runs a tool to completion; output goes to pipes (never use this for a command that leaves a container process behind). */
export function run(argv: readonly string[], cwd?: string): SpawnSyncReturns<string> {
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return r;
}

/** run, and its stdout; a non-zero exit throws with the tool's stderr. */
export function runOk(argv: readonly string[], cwd?: string): string {
  const r = run(argv, cwd);
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${String(r.status)}: ${r.stderr.trim()}`);
  return r.stdout;
}
