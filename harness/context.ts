/**
 * The case context: containers (bundle on disk, ids, io files) with lifecycle
 * helpers over the driver, and the observation recorder. One per case run.
 * Everything it creates is registered (ledger + `containers`) before it
 * exists, so cleanup (harness/execute.ts) finds it whatever happens.
 */
import { readFile, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { ConfigBuilder, type OciConfig } from '../fixtures/config.js';
import { writeBundle } from '../fixtures/bundle.js';
import {
  CaseAbort,
  CaseSkip,
  type CaseContext,
  type ConfigFn,
  type ContainerHandle,
  type Evidence,
  type RawRuntime,
  type Violation,
} from './model.js';
import type { RequirementId } from '../spec/types.js';
import type { HostConditions } from './conditions.js';
import type { RuntimeDriver } from './driver/driver.js';
import { describeCall, succeeded, type CallRecord } from './driver/record.js';
import { parseState, type ContainerState } from './driver/state.js';
import { compare } from './inspect/compare.js';
import type { CgroupLayout } from './inspect/cgroup-layout.js';
import { processStartTime } from './cleanup.js';
import { whyNotContainerProcess, type PidProblem, type PidProblemKind } from './inspect/container-pid.js';
import type { Ledger } from './ledger.js';
import { levelOf } from './verdict.js';
import { openConsoleSocket, type ConsoleSocket } from './console-socket.js';
import { markPid, unmarkPid } from './inspect/host-view.js';
import { withCallerAsRoot, type RootlessMode } from './rootless.js';

export interface ContextEnv {
  readonly caseId: string;
  /** Short, run-unique stem for container ids of this case ('oc1a2b3c-7'). */
  readonly idStem: string;
  readonly caseDir: string;
  readonly rootfsTemplate: string;
  /** Version whose levels decide verdicts. */
  readonly specVersion: string;
  /** ociVersion written into configs. */
  readonly configVersion: string;
  readonly host: { readonly conditions: HostConditions; readonly cgroups: CgroupLayout };
  readonly cgroupPrefix: string;
  /** A rootless run: the base config gains a user namespace with the caller as root (harness/rootless.ts). */
  readonly rootless?: RootlessMode;
  readonly driver: RuntimeDriver;
  readonly ledger: Ledger;
  readonly signal: AbortSignal;
  /** The case's requirements; the first is its main one (charged when a lifecycle call it relies on fails). */
  readonly requirements: readonly [RequirementId, ...RequirementId[]];
  readonly config?: ConfigFn;
  readonly pollMs?: number;
  /** The runtime is driven with `create --pid-file` (its profile says it understands it). Default true. */
  readonly pidFileSupported?: boolean;
  /** How long waitStopped polls after a kill, or after start while the container stays created. Default SETTLE_MS. */
  readonly settleMs?: number;
}

/**
 * The bound of waitStopped's poll once a `kill` returned success (the container must then stop) or a
 * `start` did (the container must then leave `created`). Not a timed assertion of speed: a runtime
 * that did what it said is done in milliseconds; this only keeps one that did nothing from hanging
 * the case until its timeout, and turns it into a violation with what state said.
 */
export const SETTLE_MS = 5000;

/**
 * Problems of a pid that say the host can't see the container process there (a sandbox such as gVisor
 * reports its own process, in the host's pid namespace): host-side inspection would look at the wrong
 * process, so a case that asks for the pid is skipped, never failed (state.pid.container-process judges state.pid).
 */
function hostBlind(kind: PidProblemKind): boolean {
  return kind === 'outside-namespace' || kind === 'uninspectable';
}

/** The config gives the container a new pid namespace (one without a path). */
function newPidNamespace(config: OciConfig): boolean {
  const linux = config.linux;
  const ns = typeof linux === 'object' && linux !== null && !Array.isArray(linux) ? (linux as { namespaces?: unknown }).namespaces : undefined;
  return Array.isArray(ns) && ns.some((n) => typeof n === 'object' && n !== null && (n as { type?: unknown }).type === 'pid' && (n as { path?: unknown }).path === undefined);
}

/** Thrown into a case whose signal was aborted (timeout or interrupt). */
export class CaseAborted extends Error {
  constructor() {
    super('aborted');
    this.name = 'CaseAborted';
  }
}

export interface Container extends ContainerHandle {
  readonly configPath: string;
  /** True once `create` was attempted (cleanup then deletes it). */
  readonly created: boolean;
  /** Pid and start time recorded after create, when the pid file named one. */
  readonly recordedPid: { pid: number; startTime: string } | undefined;
  /** Stops the console-socket receiver of a terminal container (no-op otherwise). */
  closeConsole(): void;
}

export class Recorder {
  readonly violations: Violation[] = [];
  readonly notes: string[] = [];
  constructor(private readonly version: string) {}

  add(requirement: RequirementId, e: Evidence & { path?: string }): void {
    this.violations.push({ requirement, level: levelOf(requirement, this.version), ...e });
  }
}

/** The pid a pid file names, if it names one. */
async function pidIn(file: string): Promise<number | undefined> {
  const n = Number((await readFile(file, 'utf8').catch(() => '')).trim());
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function isTerminal(config: OciConfig): boolean {
  const p = config.process;
  return typeof p === 'object' && p !== null && !Array.isArray(p) && p.terminal === true;
}

/**
 * Polls until /proc/<pid>/exe is no longer `initExe` and the new argv is in place (the program was exec'd), or the
 * process is gone or a zombie.
 * Gives up quietly after `limitMs`: with some runtimes (a sandbox like runsc) the pid we know never execs.
 */
export async function waitForExec(pid: number, initExe: string, signal?: AbortSignal, limitMs = 2000): Promise<void> {
  const until = performance.now() + limitMs;
  while (performance.now() < until) {
    const exe = await readlink(`/proc/${pid}/exe`).catch(() => undefined);
    if (exe === undefined) return;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (stat === '' || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return;
    // execve swaps the executable before it lays out the new argv: until then /proc/<pid>/cmdline reads empty
    if (exe !== initExe && (await readFile(`/proc/${pid}/cmdline`).catch(() => undefined))?.length !== 0) return;
    await sleep(5, undefined, { signal }).catch(() => undefined);
    if (signal?.aborted) throw new CaseAborted();
  }
}

export function createContext(env: ContextEnv): { ctx: CaseContext; containers: Container[]; recorder: Recorder; primary: Promise<Container>; release: () => void } {
  const containers: Container[] = [];
  // host-pid-view: when the host's /proc/<pid> of the pids the runtime names is not the container process
  // (a sandbox), every such pid is marked so /proc readers skip the case instead of reading the sandbox.
  const pidView = env.host.conditions['host-pid-view'] ?? { ok: true };
  const marked = new Set<number>();
  const notePid = (pid: number | undefined): void => {
    if (pidView.ok || pid === undefined || marked.has(pid)) return;
    marked.add(pid);
    markPid(pid, pidView.reason);
  };
  const release = (): void => {
    for (const pid of marked) unmarkPid(pid);
    marked.clear();
  };
  const recorder = new Recorder(env.specVersion);
  const main = env.requirements[0];
  const poll = env.pollMs ?? 50;

  const guard = (): void => {
    if (env.signal.aborted) throw new CaseAborted();
  };
  const abort = (message: string, call?: CallRecord): never => {
    throw new CaseAbort({ requirement: main, level: levelOf(main, env.specVersion), message: call ? `${message}: ${describeCall(call)}` : message }, call);
  };
  /** Ends the case with a violation of `requirement` (not the case's main one): the runtime broke that one. */
  const abortWith = (requirement: RequirementId, e: Evidence): never => {
    throw new CaseAbort({ requirement, level: levelOf(requirement, env.specVersion), ...e });
  };
  const settle = env.settleMs ?? SETTLE_MS;
  const blind = (what: string, why: string): never => {
    throw new CaseSkip(`${what}, and the host can't inspect the container process there: ${why}`);
  };

  const raw: RawRuntime = {
    // A pid file of a raw create names a pid the runtime chose too: marked like the others.
    create: async (id, bundle, o) => {
      guard();
      const r = await env.driver.create(id, bundle, o);
      if (o?.pidFile) notePid(await pidIn(o.pidFile));
      return r;
    },
    start: (id) => (guard(), env.driver.start(id)),
    state: (id) => (guard(), env.driver.state(id).then((r) => (notePid(parseState(r.stdout)?.pid), r))),
    kill: (id, s) => (guard(), env.driver.kill(id, s)),
    delete: (id, o) => (guard(), env.driver.delete(id, o)),
    features: () => (guard(), env.driver.features()),
    call: (a) => (guard(), env.driver.call(a)),
  };

  async function makeContainer(name: string, configFn?: ConfigFn): Promise<Container> {
    guard();
    if (!/^[a-z0-9-]{1,16}$/.test(name)) throw new Error(`container name ${JSON.stringify(name)}: use 1-16 of [a-z0-9-]`);
    if (containers.some((c) => c.id.endsWith(`-${name}`))) throw new Error(`container name ${name} used twice in one case`);
    const id = `${env.idStem}-${name}`;
    const dir = join(env.caseDir, name);
    const cgroupsPath = `${env.cgroupPrefix}/${id}`;
    let b = ConfigBuilder.base(env.configVersion);
    if (env.rootless) b = withCallerAsRoot(b, env.rootless);
    if (configFn) b = await configFn(b);
    // A runtime refuses a cgroupsPath it can't create: a rootless run without a delegated cgroup writes none.
    b = (env.host.conditions['cgroup-write'] ?? { ok: true }).ok ? b.withCgroupsPath(cgroupsPath) : b;
    const config: OciConfig = b.withOciVersion(env.configVersion).build();
    const bundle = join(dir, 'bundle');
    const configPath = await writeBundle(bundle, env.rootfsTemplate, config);
    const stdoutPath = join(dir, 'stdout');
    const stderrPath = join(dir, 'stderr');
    const pidFile = join(dir, 'pid');
    await Promise.all([stdoutPath, stderrPath].map((f) => writeFile(f, '', { flag: 'a' })));
    let created = false;
    /** The last successful kill through this handle, and the successful start: what waitStopped may expect. */
    let lastKill: { signal: string; at: number; call: CallRecord } | undefined;
    let started: { at: number; call: CallRecord } | undefined;
    /** The pid file was found empty or naming another process: a warning is recorded, state.pid is used instead. */
    let pidFileBad = false;
    const freshPidNs = newPidNamespace(config);
    /**
     * Why a pid is not this container's process, if it isn't. Where the canary showed that this runtime's
     * pids are its containers' processes (host-pid-view ok), a process outside the new pid namespace is the
     * container process of a runtime that did not make that namespace: the namespace cases judge that, so
     * it is no reason to skip (a sandbox's pid, where the view is not ok, still is).
     */
    const pidProblem = async (pid: number): Promise<PidProblem | undefined> => {
      const why = await whyNotContainerProcess(pid, { newPidNamespace: freshPidNs });
      return why?.kind === 'outside-namespace' && pidView.ok ? undefined : why;
    };
    let consoleSock: ConsoleSocket | undefined;
    let recordedPid: { pid: number; startTime: string } | undefined;
    /** What the container process ran before start (the runtime's init), to see when the program replaced it. */
    let initExe: string | undefined;
    const readPidText = (): Promise<string> => readFile(pidFile, 'utf8').catch(() => '');
    const pidOf = (t: string): number | undefined => {
      const n = Number(t.trim());
      return t.trim() !== '' && Number.isInteger(n) && n > 0 ? n : undefined;
    };
    const readPidFile = async (): Promise<number | undefined> => pidOf(await readPidText());
    /** The runtime CLI convention: create --pid-file writes the container process's pid (a SHOULD-level entry). */
    const pidFileWarning = (message: string, actual: unknown): void => {
      if (pidFileBad) return;
      pidFileBad = true;
      recorder.add('CLI-CREATE-PID-FILE', { message: `${message}; process inspection falls back to state.pid`, expected: 'the container process id', actual });
    };
    /**
     * Records the container process (pid and start time, for cleanup and for start's wait for exec) once it is
     * known to be the container's: never pid 1 or another process a broken runtime named.
     */
    const record = async (pid: number): Promise<void> => {
      const startTime = await processStartTime(pid);
      if (startTime === undefined) return;
      recordedPid = { pid, startTime };
      initExe = await readlink(`/proc/${pid}/exe`).catch(() => undefined);
      env.ledger.append({ kind: 'pid', pid, startTime });
    };
    /** After create: the pid file's process, else (a warning when the runtime should have written it) state.pid's. */
    const recordContainerProcess = async (createOk: boolean): Promise<void> => {
      const text = await readPidText();
      const pid = pidOf(text);
      const why = pid === undefined ? undefined : await pidProblem(pid);
      if (pid !== undefined && !why) return record(pid);
      // A process the host can't see into, or in our pid namespace (a sandbox's, like runsc's): not recorded
      // (cleanup never kills it) and not the pid file's fault; pid() skips a case that would inspect it.
      if (!createOk || (why && hostBlind(why.kind))) return;
      if (env.pidFileSupported !== false) {
        if (pid === undefined) pidFileWarning(`create of ${id} exited 0 but left --pid-file ${pidFile} ${text.trim() === '' ? 'empty or missing' : `holding ${JSON.stringify(text.slice(0, 40))}`}`, text);
        else pidFileWarning(`the --pid-file of ${id} names ${pid} after create: ${why!.message}`, pid);
      }
      const st = parseState((await raw.state(id)).stdout);
      if (st?.pid !== undefined && !(await pidProblem(st.pid))) await record(st.pid);
    };
    /** The container process's host pid: the pid file's, else state.pid's, each checked to be the container's. */
    const containerPid = async (): Promise<number> => {
      // Under a sandbox (host-pid-view not ok) the pid is handed over unchecked: it is marked (pid() below), so
      // every /proc reader skips the case with that condition, and a case comparing pids alone still runs.
      if (!pidView.ok) {
        const p = (await readPidFile()) ?? (await handle.state()).pid;
        return p ?? abort(`no pid for ${id}: the pid file names none and state has no pid`);
      }
      if (!pidFileBad) {
        const fromFile = await readPidFile();
        if (fromFile !== undefined) {
          const why = await pidProblem(fromFile);
          // The process the pid file named at create may have exited since: it was still the container's.
          if (!why || (why.kind === 'dead' && recordedPid?.pid === fromFile)) return fromFile;
          if (hostBlind(why.kind)) return blind(`the --pid-file names ${fromFile}`, why.message);
          pidFileWarning(`the --pid-file of ${id} names ${fromFile}: ${why.message}`, fromFile);
        }
      }
      const s = await handle.state();
      if (s.pid === undefined) return abort(`no pid for ${id}: the pid file names none and state has no pid`);
      const why = await pidProblem(s.pid);
      if (why && hostBlind(why.kind)) return blind(`state.pid is ${s.pid}`, why.message);
      if (why && !(why.kind === 'dead' && s.status === 'stopped')) {
        abortWith('RT-STATE-PID-REQUIRED-LINUX', {
          message: `state.pid ${s.pid} of ${id} (status ${JSON.stringify(s.status)}) is not the container process: ${why.message}`,
          expected: 'the host pid of the container process',
          actual: s.pid,
        });
      }
      return s.pid;
    };
    const handle: Container = {
      id,
      bundle,
      config,
      configPath,
      stdoutPath,
      stderrPath,
      get created() {
        return created;
      },
      get recordedPid() {
        return recordedPid;
      },
      closeConsole() {
        consoleSock?.close();
      },
      async create() {
        guard();
        let consoleSocket: string | undefined;
        if (isTerminal(config)) {
          // The terminal's output goes to the stdout file, copied from the pty master the runtime sends (console-socket.ts).
          const cond = env.host.conditions['console-socket'];
          if (!cond.ok) throw new CaseSkip(`process.terminal needs console-socket: ${cond.reason}`);
          consoleSock = openConsoleSocket(join(dir, 'console.sock'), stdoutPath, 3600);
          consoleSocket = consoleSock.path;
        }
        env.ledger.append({ kind: 'container', id });
        created = true;
        const r = await env.driver.create(id, bundle, { pidFile, stdoutPath, stderrPath, consoleSocket });
        await recordContainerProcess(succeeded(r));
        notePid(await readPidFile());
        if (!succeeded(r)) abort(`create of ${id} failed`, r);
        return r;
      },
      async start() {
        const r = await raw.start(id);
        if (!succeeded(r)) abort(`start of ${id} failed`, r);
        started = { at: performance.now(), call: r };
        // `start` may return before the init has exec'd the program: wait for it, so what a case reads
        // from /proc/<pid> is the program's, not the runtime's init.
        if (recordedPid && initExe && pidView.ok) await waitForExec(recordedPid.pid, initExe, env.signal);
        return r;
      },
      async state(): Promise<ContainerState> {
        const r = await raw.state(id);
        if (!succeeded(r)) abort(`state of ${id} failed`, r);
        const s = parseState(r.stdout);
        if (!s) abort(`state of ${id} printed no JSON object: ${JSON.stringify(r.stdout.slice(0, 200))}`);
        return s!;
      },
      async kill(signal = 'SIGTERM') {
        const r = await raw.kill(id, signal);
        if (!succeeded(r)) abort(`kill ${signal} of ${id} failed`, r);
        lastKill = { signal, at: performance.now(), call: r };
        return r;
      },
      async delete(o = {}) {
        const r = await raw.delete(id, o);
        if (!succeeded(r)) abort(`delete of ${id} failed`, r);
        return r;
      },
      async waitStopped() {
        for (;;) {
          const s = await handle.state();
          if (s.status === 'stopped') return s;
          const now = performance.now();
          // A bounded poll, not a timed assertion: see SETTLE_MS.
          if (lastKill && now - lastKill.at > settle) {
            const alive = s.pid === undefined ? undefined : (await processStartTime(s.pid)) !== undefined;
            abortWith('RT-KILL-SENDS-SIGNAL', {
              message: `\`${lastKill.call.argv.join(' ')}\` exited 0, but ${Math.round(now - lastKill.at)} ms later state still said status ${JSON.stringify(s.status)}, pid ${s.pid ?? 'none'}${alive === undefined ? '' : alive ? ' (a live process)' : ' (no such process)'}: the signal did not stop the container`,
              expected: 'stopped',
              actual: s.status,
            });
          }
          if (!lastKill && started && s.status === 'created' && now - started.at > settle) {
            abortWith('RT-START-RUNS-PROCESS', {
              message: `\`${started.call.argv.join(' ')}\` exited 0, but ${Math.round(now - started.at)} ms later state still said status "created" (pid ${s.pid ?? 'none'}): start ran nothing`,
              expected: 'running or stopped',
              actual: s.status,
            });
          }
          await sleep(poll, undefined, { signal: env.signal }).catch(() => guard());
        }
      },
      pidFile: readPidFile,
      async pid() {
        const p = await containerPid();
        notePid(p);
        return p;
      },
      async runToExit() {
        await handle.create();
        await handle.start();
        await handle.waitStopped();
        return { stdout: await handle.readStdout(), stderr: await handle.readStderr() };
      },
      async inside<T>() {
        const { stdout, stderr } = await handle.runToExit();
        try {
          return JSON.parse(stdout) as T;
        } catch {
          return abort(`the container's stdout is not the JSON its script prints: ${JSON.stringify(stdout.slice(0, 300))}; stderr: ${JSON.stringify(stderr.slice(-300))}`);
        }
      },
      async waitForOutput(text: string) {
        let checked = 0;
        for (;;) {
          const out = await handle.readStdout();
          if (out.includes(text)) return out;
          // A bounded wait, not a timed assertion (see SETTLE_MS): once a start said yes, a container that is still
          // created, or stopped without the output, never prints it; say so instead of waiting for the case timeout.
          const now = performance.now();
          if (started && now - started.at > settle && now - checked > 500) {
            checked = now;
            const s = await handle.state();
            const last = await handle.readStdout();
            if (!last.includes(text) && (s.status === 'created' || s.status === 'stopped')) {
              if (s.status === 'created') {
                abortWith('RT-START-RUNS-PROCESS', {
                  message: `\`${started.call.argv.join(' ')}\` exited 0, but ${Math.round(now - started.at)} ms later state still said status "created" (pid ${s.pid ?? 'none'}) and the container printed nothing: start ran nothing`,
                  expected: 'running or stopped',
                  actual: s.status,
                });
              }
              abort(`${id} stopped without printing ${JSON.stringify(text)}; its stdout: ${JSON.stringify(last.slice(-300))}, stderr: ${JSON.stringify((await handle.readStderr()).slice(-300))}`);
            }
            if (last.includes(text)) return last;
          }
          await sleep(poll, undefined, { signal: env.signal }).catch(() => guard());
        }
      },
      readStdout: () => readFile(stdoutPath, 'utf8'),
      readStderr: () => readFile(stderrPath, 'utf8'),
    };
    containers.push(handle);
    return handle;
  }

  const primary = makeContainer('c', env.config);
  let p: Container | undefined;
  const need = (): Container => {
    if (!p) throw new Error('context used before its container was ready');
    return p;
  };
  // Every id a case cites is a catalogue id (defineCase; the lint checks the index), so the context takes RequirementId.
  const ctx: CaseContext<RequirementId> = {
    caseId: env.caseId,
    specVersion: env.specVersion,
    host: env.host,
    runtime: raw,
    workDir: env.caseDir,
    signal: env.signal,
    get cgroupsPath() {
      return `${env.cgroupPrefix}/${need().id}`;
    },
    get id() {
      return need().id;
    },
    get bundle() {
      return need().bundle;
    },
    get config() {
      return need().config;
    },
    get stdoutPath() {
      return need().stdoutPath;
    },
    get stderrPath() {
      return need().stderrPath;
    },
    create: () => need().create(),
    start: () => need().start(),
    state: () => need().state(),
    kill: (s) => need().kill(s),
    delete: (o) => need().delete(o),
    waitStopped: () => need().waitStopped(),
    pid: () => need().pid(),
    pidFile: () => need().pidFile(),
    runToExit: () => need().runToExit(),
    inside: <T>() => need().inside<T>(),
    waitForOutput: (t) => need().waitForOutput(t),
    readStdout: () => need().readStdout(),
    readStderr: () => need().readStderr(),
    another: (name, cfg) => makeContainer(name, cfg),
    expect(req, ok, evidence) {
      if (!ok) recorder.add(req, evidence);
      return ok;
    },
    expectEqual(req, what, expected, actual) {
      const ok = isDeepStrictEqual(expected, actual);
      if (!ok) recorder.add(req, { message: `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`, expected, actual });
      return ok;
    },
    expectMatch(req, what, expected, observed) {
      const diffs = compare(expected, observed);
      for (const d of diffs) {
        recorder.add(req, { message: `${what}${d.path === '.' ? '' : `.${d.path}`}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`, expected: d.expected, actual: d.actual, path: d.path });
      }
      return diffs.length === 0;
    },
    expectError(req, call, what) {
      const ok = call.exitCode !== 0 && call.exitCode !== null;
      if (!ok) {
        recorder.add(req, {
          message: call.exitCode === 0 ? `${what}: the runtime reported success where an error is required (${call.argv.join(' ')})` : `${what}: ${describeCall(call)}`,
          expected: 'non-zero exit',
          actual: call.exitCode,
        });
      }
      return ok;
    },
    skip(reason, condition) {
      throw new CaseSkip(reason, condition);
    },
    note(message) {
      recorder.notes.push(message);
    },
  };
  void primary.then((c) => (p = c)).catch(() => undefined);
  return { ctx, containers, recorder, primary, release };
}
