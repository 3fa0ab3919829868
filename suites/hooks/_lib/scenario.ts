/**
 * The whole lifecycle of a hooked container, with a marker in the hook log
 * after each operation returns: create @created, start @started (once the
 * program logged @program), kill KILL and wait @stopped, delete @deleted.
 * Every call is raw, so a failing operation is recorded and the scenario
 * stops there; the case decides what that means.
 */
import { type CallRecord, CaseAbort, type CaseContext, type ConfigBuilder, type ContainerHandle, rawState } from '../../case.js';
import { makeRig, type HookRig, type LogEntry } from './rig.js';
import { setTimeout as sleep } from 'node:timers/promises';

export type Step = 'create' | 'start' | 'kill' | 'delete';

export interface ScenarioResult {
  readonly rig: HookRig;
  readonly container: ContainerHandle;
  /** Raw records of start, kill and delete (create goes through the handle). */
  readonly calls: Partial<Record<Step, CallRecord>>;
  /** Why create failed, when it did. */
  readonly createError?: string;
  /** create did not return within the harness's call timeout and was killed by oci-conform: the runtime never answered. */
  readonly createTimedOut?: boolean;
  /** The first operation that failed, if any. */
  readonly failedAt?: Step;
  readonly log: LogEntry[];
  /** Host pid of the container process after create (from the pid file), if known. */
  readonly pid?: number;
}

export interface ScenarioOptions {
  /** Stop after this step (default: run through delete). */
  readonly until?: Step;
  /** The program after it logs @program (default: sleep until killed). */
  readonly program?: string;
  /** Called after create succeeded, before start (e.g. to read the container's namespaces). */
  readonly afterCreate?: (c: ContainerHandle, rig: HookRig) => Promise<void>;
  /** Called after start succeeded, before kill. */
  readonly afterStart?: (c: ContainerHandle, rig: HookRig) => Promise<void>;
}

/** Builds the rig (skipping the case when the rootfs has no busybox), then the container. */
export async function hookedContainer(
  ctx: CaseContext,
  configure: (c: ConfigBuilder, rig: HookRig) => ConfigBuilder,
  program?: string,
): Promise<{ rig: HookRig; container: ContainerHandle }> {
  const rig = await makeRig(ctx.workDir, ctx.bundle);
  if (!rig) ctx.skip('the fixture rootfs has no static busybox (host fallback): the hook cases use it as the hook binary on both sides of the namespace boundary');
  const container = await ctx.another('h', (c) => configure(rig.base(c, program), rig));
  return { rig, container };
}

async function waitProgram(rig: HookRig, signal: AbortSignal, ms = 10_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if ((await rig.read()).some((e) => e.type === 'mark' && e.label === 'program')) return true;
    await sleep(50, undefined, { signal }).catch(() => undefined);
  }
  return false;
}

async function waitStopped(ctx: CaseContext, id: string, ms = 20_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const { state } = await rawState(ctx.runtime, id);
    if (!state || state.status === 'stopped') return true;
    await sleep(50, undefined, { signal: ctx.signal }).catch(() => undefined);
  }
  return false;
}

export async function runScenario(
  ctx: CaseContext,
  configure: (c: ConfigBuilder, rig: HookRig) => ConfigBuilder,
  o: ScenarioOptions = {},
): Promise<ScenarioResult> {
  const { rig, container } = await hookedContainer(ctx, configure, o.program);
  const calls: Partial<Record<Step, CallRecord>> = {};
  let pid: number | undefined;
  let createError: string | undefined;
  let createTimedOut = false;
  const done = async (failedAt?: Step): Promise<ScenarioResult> => ({ rig, container, calls, failedAt, createError, createTimedOut, log: await rig.read(), pid });

  // Through the handle, so the harness knows to clean the container up; a refusal is recorded, not fatal.
  try {
    await container.create();
  } catch (e) {
    if (!(e instanceof CaseAbort)) throw e;
    createError = e.violation.message;
    createTimedOut = e.call?.timedOut === true;
  }
  await rig.mark('created');
  if (createError !== undefined) return done('create');
  pid = (await rawState(ctx.runtime, container.id)).state?.pid;
  if (o.afterCreate) await o.afterCreate(container, rig);
  if (o.until === 'create') return done();

  calls.start = await ctx.runtime.start(container.id);
  if (calls.start.exitCode === 0) await waitProgram(rig, ctx.signal, 5_000);
  await rig.mark('started');
  if (calls.start.exitCode !== 0) return done('start');
  if (o.afterStart) await o.afterStart(container, rig);
  if (o.until === 'start') return done();

  calls.kill = await ctx.runtime.kill(container.id, 'SIGKILL');
  await waitStopped(ctx, container.id);
  await rig.mark('stopped');
  if (calls.kill.exitCode !== 0) return done('kill');
  if (o.until === 'kill') return done();

  calls.delete = await ctx.runtime.delete(container.id);
  await rig.mark('deleted');
  if (calls.delete.exitCode !== 0) return done('delete');
  return done();
}
