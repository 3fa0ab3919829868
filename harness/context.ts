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
  type CallRecord,
  type ConfigFn,
  type ContainerHandle,
  type ContainerState,
  type Evidence,
  type RawRuntime,
  type Violation,
} from '../suites/case.js';
import type { HostConditions } from './conditions.js';
import type { RuntimeDriver } from './driver/driver.js';
import { describeCall, succeeded } from './driver/record.js';
import { parseState } from './driver/state.js';
import { compare } from './inspect/compare.js';
import type { CgroupLayout } from './inspect/cgroup-layout.js';
import { processStartTime } from './cleanup.js';
import type { Ledger } from './ledger.js';
import { levelOf } from './verdict.js';
import { openConsoleSocket, type ConsoleSocket } from './console-socket.js';
import { markPid, unmarkPid } from './inspect/host-view.js';

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
  readonly driver: RuntimeDriver;
  readonly ledger: Ledger;
  readonly signal: AbortSignal;
  readonly requirements: readonly string[];
  readonly config?: ConfigFn;
  readonly pollMs?: number;
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

  add(requirement: string, e: Evidence & { path?: string }): void {
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
 * Polls until /proc/<pid>/exe is no longer `initExe` (the program was exec'd) or the process is gone or a zombie.
 * Gives up quietly after `limitMs`: with some runtimes (a sandbox like runsc) the pid we know never execs.
 */
export async function waitForExec(pid: number, initExe: string, signal?: AbortSignal, limitMs = 2000): Promise<void> {
  const until = performance.now() + limitMs;
  while (performance.now() < until) {
    const exe = await readlink(`/proc/${pid}/exe`).catch(() => undefined);
    if (exe === undefined || exe !== initExe) return;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (stat === '' || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return;
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
  const main = env.requirements[0] ?? 'UNKNOWN';
  const poll = env.pollMs ?? 50;

  const guard = (): void => {
    if (env.signal.aborted) throw new CaseAborted();
  };
  const abort = (message: string, call?: CallRecord): never => {
    throw new CaseAbort({ requirement: main, level: levelOf(main, env.specVersion), message: call ? `${message}: ${describeCall(call)}` : message });
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
    if (configFn) b = await configFn(b);
    const config: OciConfig = b.withOciVersion(env.configVersion).withCgroupsPath(cgroupsPath).build();
    const bundle = join(dir, 'bundle');
    const configPath = await writeBundle(bundle, env.rootfsTemplate, config);
    const stdoutPath = join(dir, 'stdout');
    const stderrPath = join(dir, 'stderr');
    const pidFile = join(dir, 'pid');
    await Promise.all([stdoutPath, stderrPath].map((f) => writeFile(f, '', { flag: 'a' })));
    let created = false;
    let consoleSock: ConsoleSocket | undefined;
    let recordedPid: { pid: number; startTime: string } | undefined;
    /** What the container process ran before start (the runtime's init), to see when the program replaced it. */
    let initExe: string | undefined;
    const readPidFile = async (): Promise<number | undefined> => {
      const t = await readFile(pidFile, 'utf8').catch(() => '');
      const n = Number(t.trim());
      return Number.isInteger(n) && n > 0 ? n : undefined;
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
          // The terminal's output goes to the stdout file, through a receiver of the pty (console-socket.ts).
          const cond = env.host.conditions['console-socket'];
          if (!cond.ok) throw new CaseSkip(`process.terminal needs console-socket: ${cond.reason}`);
          consoleSock = await openConsoleSocket(cond.detail ?? 'python3', join(dir, 'console.sock'), stdoutPath, 3600);
          consoleSocket = consoleSock.path;
          const rpid = consoleSock.pid;
          const rstart = rpid === undefined ? undefined : await processStartTime(rpid);
          if (rpid !== undefined && rstart !== undefined) env.ledger.append({ kind: 'pid', pid: rpid, startTime: rstart });
        }
        env.ledger.append({ kind: 'container', id });
        created = true;
        const r = await env.driver.create(id, bundle, { pidFile, stdoutPath, stderrPath, consoleSocket });
        const pid = await readPidFile();
        notePid(pid);
        if (pid !== undefined) {
          const startTime = await processStartTime(pid);
          if (startTime !== undefined) {
            recordedPid = { pid, startTime };
            initExe = await readlink(`/proc/${pid}/exe`).catch(() => undefined);
            env.ledger.append({ kind: 'pid', pid, startTime });
          }
        }
        if (!succeeded(r)) abort(`create of ${id} failed`, r);
        return r;
      },
      async start() {
        const r = await raw.start(id);
        if (!succeeded(r)) abort(`start of ${id} failed`, r);
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
          await sleep(poll, undefined, { signal: env.signal }).catch(() => guard());
        }
      },
      async pid() {
        const p = (await readPidFile()) ?? (await handle.state()).pid;
        notePid(p);
        if (p === undefined) abort(`no pid for ${id}: the pid file is empty and state has no pid`);
        return p!;
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
        for (;;) {
          const out = await handle.readStdout();
          if (out.includes(text)) return out;
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
  const ctx: CaseContext = {
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
    skip(reason) {
      throw new CaseSkip(reason);
    },
    note(message) {
      recorder.notes.push(message);
    },
  };
  void primary.then((c) => (p = c)).catch(() => undefined);
  return { ctx, containers, recorder, primary, release };
}
