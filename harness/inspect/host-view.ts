/**
 * Whether the host's /proc/<pid> of a pid the runtime named is the container
 * process. Under a sandbox (gVisor's runsc) or a VM runtime (Kata) state.pid
 * and the pid file name the sandbox or VM process on the host; the container
 * process lives in another kernel, and reading the host's /proc at that pid
 * describes the sandbox. The canary measures it once per run (the
 * `host-pid-view` condition, harness/pid-view.ts); when it does not hold, the
 * case context marks every pid the runtime names, and every reader of
 * /proc/<pid> (this folder and the suites' shared helpers) asks
 * `requireHostView` first: a case about to inspect the wrong process is
 * skipped with the condition's reason instead of reporting on the sandbox.
 */
import { readFile, readlink } from 'node:fs/promises';
import { CaseSkip } from '../model.js';

/** Marked pids -> the reason the condition gave. */
const notContainer = new Map<number, string>();

/** Marks `pid` as a process the host can't inspect as the container (until `unmarkPid`). */
export function markPid(pid: number, reason: string): void {
  notContainer.set(pid, reason);
}

export function unmarkPid(pid: number): void {
  notContainer.delete(pid);
}

/** The pid of a /proc/<pid>/… path, if it names one by number. */
export function pidOfProcPath(path: string): number | undefined {
  const m = /^\/proc\/(\d+)(?:\/|$)/.exec(path);
  return m ? Number(m[1]) : undefined;
}

/** Skips the case (condition `host-pid-view`) when `pid` is a marked one; 'self' is always ours to read. */
export function requireHostView(pid: number | 'self'): void {
  if (pid === 'self') return;
  const reason = notContainer.get(pid);
  if (reason !== undefined) throw new CaseSkip(`needs host-pid-view: ${reason}`, 'host-pid-view');
}

/** /proc/<pid>/<file> as text, after `requireHostView`. */
export async function readProcFile(pid: number | 'self', file: string): Promise<string> {
  requireHostView(pid);
  return readFile(`/proc/${pid}/${file}`, 'utf8');
}

/** The target of the /proc/<pid>/<link> magic link, after `requireHostView`. */
export async function readProcLink(pid: number | 'self', link: string): Promise<string> {
  requireHostView(pid);
  return readlink(`/proc/${pid}/${link}`);
}
