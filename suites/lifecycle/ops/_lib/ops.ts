/**
 * Small helpers shared by the lifecycle, state, hook, cgroup, seccomp and
 * sysctl cases: raw state queries that never fail the case, process liveness,
 * "applied or refused" creates, and spec-version comparisons for fields that
 * appeared in a later version (the requirement gate can't see those).
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { CaseAbort, type CallRecord, type ContainerHandle, type ContainerState, type RawRuntime } from '../../../case.js';
import { parseState } from '../../../../harness/driver/state.js';
import { reached } from '../../../../spec/versions.js';

/** `state <id>` without a verdict: the call, and the parsed document when it printed one. */
export async function rawState(runtime: RawRuntime, id: string): Promise<{ call: CallRecord; state: ContainerState | undefined }> {
  const call = await runtime.state(id);
  return { call, state: call.exitCode === 0 ? parseState(call.stdout) : undefined };
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

/**
 * `create` that may legitimately be refused: the record when the runtime
 * refused (the case then checks that no container was left), undefined when
 * it succeeded. Other errors propagate.
 */
export async function createOrRefusal(c: ContainerHandle): Promise<string | undefined> {
  try {
    await c.create();
    return undefined;
  } catch (e) {
    if (e instanceof CaseAbort) return e.violation.message;
    throw e;
  }
}

/** True when the run's spec version is at least `v` (for fields newer than the oldest version). */
export function specAtLeast(specVersion: string, v: string): boolean {
  return reached(specVersion, v);
}

/** The first line of a call's stderr, for notes. */
export function firstError(call: CallRecord): string {
  return call.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit ${call.exitCode}`;
}
