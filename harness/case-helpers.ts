/**
 * The context helpers cases use most, offered through the case door
 * (suites/case.ts): start a container and hold it running, attempt a config a
 * runtime may refuse, query state without a verdict.
 *
 * A held container's observed process is the shell the runtime started (never
 * a program it execs later: an exec makes the kernel recompute capabilities
 * and may change other attributes), so the script idles in a loop instead of
 * `exec`.
 */
import { succeeded, type CallRecord } from './driver/record.js';
import { parseState, type ContainerState } from './driver/state.js';
import { requireHostView } from './inspect/host-view.js';
import { CaseAbort, type ContainerHandle, type RawRuntime } from './model.js';

/** Prints `ready`, then idles until the harness kills the container. */
export const HOLD = 'echo ready; while :; do sleep 1; done';

/** `script` first (its output goes to stdout), then the idle loop. */
export function holdAfter(script: string): string {
  return `${script}; ${HOLD}`;
}

/**
 * create + start + wait for `ready`; the host pid of the container process, to inspect it from the host (or to
 * name its namespaces in another config): so the case skips here when that pid is a sandbox's (host-pid-view).
 */
export async function startHeld(c: ContainerHandle): Promise<number> {
  await c.create();
  await c.start();
  await c.waitForOutput('ready');
  const pid = await c.pid();
  requireHostView(pid);
  return pid;
}

/** The outcome of trying a container whose config a runtime should refuse. */
export interface Attempt {
  /** The call that failed, or the last one made when none failed. */
  readonly call: CallRecord;
  /** Which step failed: 'create', 'start', or undefined when both succeeded. */
  readonly failedAt?: 'create' | 'start';
}

/**
 * Raw create, then raw start when create succeeded: for settings whose error
 * a runtime may report at either step (process properties may be applied at
 * start). Never fails the case by itself. The container's stdout/stderr files
 * are passed along (the driver accepts them although RawRuntime does not
 * declare them), so a refusal keeps the runtime's message as evidence.
 */
export async function attempt(
  runtime: { create(id: string, bundle: string, o?: { pidFile?: string }): Promise<CallRecord>; start(id: string): Promise<CallRecord> },
  c: { readonly id: string; readonly bundle: string; readonly stdoutPath?: string; readonly stderrPath?: string },
  pidFile?: string,
): Promise<Attempt> {
  const opts = { pidFile, stdoutPath: c.stdoutPath, stderrPath: c.stderrPath };
  const created = await runtime.create(c.id, c.bundle, opts);
  if (!succeeded(created)) return { call: created, failedAt: 'create' };
  const started = await runtime.start(c.id);
  if (!succeeded(started)) return { call: started, failedAt: 'start' };
  return { call: started };
}

/**
 * `create` that may legitimately be refused: the runtime's refusal when it
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

/** `state <id>` without a verdict: the call, and the parsed document when it printed one. */
export async function rawState(runtime: RawRuntime, id: string): Promise<{ call: CallRecord; state: ContainerState | undefined }> {
  const call = await runtime.state(id);
  return { call, state: call.exitCode === 0 ? parseState(call.stdout) : undefined };
}
