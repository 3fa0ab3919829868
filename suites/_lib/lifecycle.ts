/**
 * Small helpers shared by the lifecycle, state, hook, cgroup, seccomp and
 * sysctl cases: a running container the case drives itself (`UP`, `startUp`),
 * process liveness, spec-version comparisons for fields that appeared in a
 * later version (the requirement gate can't see those), and the first line of
 * a failed call.
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { type CallRecord, type ContainerHandle, reached } from '../case.js';

/** A program that prints `up` and then is a long sleep (exec'd: the container process is the sleep). */
export const UP = 'echo up; exec sleep 600';

/** create + start + wait for `up` of a container that runs `UP`. */
export async function startUp(c: ContainerHandle): Promise<void> {
  await c.create();
  await c.start();
  await c.waitForOutput('up');
}

/** True while a process with this pid exists (a zombie counts as gone). */
export async function pidAlive(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Polls until `pid` is gone or `ms` passed; returns whether it is gone. Never a verdict by itself. */
export async function waitGone(pid: number, ms: number, signal?: AbortSignal): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!(await pidAlive(pid))) return true;
    await sleep(50, undefined, { signal }).catch(() => undefined);
  }
  return !(await pidAlive(pid));
}

/** True when the run's spec version is at least `v` (for fields newer than the oldest version). */
export function specAtLeast(specVersion: string, v: string): boolean {
  return reached(specVersion, v);
}

/** The last line of a call's stderr (where runtimes put their error), for notes. */
export function firstError(call: CallRecord): string {
  return call.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit ${call.exitCode}`;
}
