/**
 * One shape for every call of the runtime binary, success or failure alike
 * (execa's result shape): cases and reporters read it, never a thrown error.
 */
export interface CallRecord {
  /** The full command line, binary first. */
  readonly argv: readonly string[];
  /** Exit status; null when the process ended by a signal or never started. */
  readonly exitCode: number | null;
  /** Name of the signal that ended it (SIGKILL after a timeout), else null. */
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  /** True when we killed it because it ran past its timeout. */
  readonly timedOut: boolean;
  /** Set when the binary could not be started at all (ENOENT, EACCES, ...). */
  readonly spawnError?: string;
}

/** True when the call ran and exited 0. */
export function succeeded(r: CallRecord): boolean {
  return r.exitCode === 0 && !r.timedOut && r.spawnError === undefined;
}

/** `runc kill x` exited 1: "..." — one line for messages and evidence. */
export function describeCall(r: CallRecord): string {
  const cmd = r.argv.join(' ');
  const how = r.spawnError
    ? `could not start (${r.spawnError})`
    : r.timedOut
      ? `timed out after ${Math.round(r.durationMs)} ms`
      : r.signal
        ? `ended by ${r.signal}`
        : `exited ${r.exitCode}`;
  const err = r.stderr.trim().split('\n').filter(Boolean).pop();
  return err ? `\`${cmd}\` ${how}: ${err}` : `\`${cmd}\` ${how}`;
}
