/**
 * `create`: reads the bundle, refuses what it can't apply before anything
 * exists, then starts the container init in the container's namespaces and
 * cgroups and waits until it reports "created" (runtime.md, Lifecycle 1-6).
 *
 * How the init gets its namespaces without C code (Node is multithreaded, so
 * it can't create or join a user namespace, nor make a mount namespace):
 * - pid (and time): `unshare(CLONE_NEWPID)` / `setns` here applies to our
 *   children only, so the init we spawn next is PID 1 of the new namespace and
 *   its parent (this process) exits after create, as runc's does;
 * - user: a holder process (`unshare --user [--pid] cat`) makes the user
 *   namespace (and a pid namespace it owns); we write its uid_map and gid_map
 *   and the init enters it with `nsenter --user`, as uid 0 with every
 *   capability there;
 * - mount, uts, ipc, network: util-linux `unshare` (new) or `nsenter` (by
 *   path) execs into node with them; cgroup: the init itself, after we placed
 *   it in its cgroups.
 */
import type { ChildProcess } from 'node:child_process';
import { childProcess } from './child-process.js';
import { closeSync, constants as fsc, existsSync, mkdirSync, openSync, readFileSync, readlinkSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareVersions, parseSemVer } from '../spec/versions.js';
import { InitMessages, type InitPlan, type ToInit } from './channel.js';
import { applyResources, makeCgroups, placeInCgroups, planCgroups, removeCgroups } from './cgroups/index.js';
import { runHooks } from './hooks.js';
import { SIGNALS } from './signals.js';
import { checkProcessConfig } from './init/process.js';
import { checkRootfsConfig } from './init/rootfs.js';
import { checkSeccomp } from './init/seccomp/index.js';
import { check, CLONE_NEWPID, CLONE_NEWTIME, connectUnix, kill, mkfifo, sendFds, setns, unshare } from './libc.js';
import { checkSysctls, has, planNamespaces, UTIL_OPTION, type NamespacePlan } from './namespaces.js';
import type { Spec, State } from './spec.js';
import { processStartTime, RuntimeError, type ContainerRecord, type Store } from './store.js';

export interface CreateOptions {
  bundle: string;
  pidFile?: string;
  consoleSocket?: string;
}

/** Runs prestart hooks at create from 1.0.2-dev on (before, config.md put them after start). */
export function prestartAtCreate(ociVersion: string): boolean {
  try {
    return compareVersions(ociVersion, '1.0.2') > 0;
  } catch {
    return true;
  }
}

export function readBundle(bundleArg: string): { bundle: string; spec: Spec; rootfs: string } {
  const bundle = resolve(bundleArg);
  const file = join(bundle, 'config.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new RuntimeError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file (is --bundle the bundle directory?)' : (e as Error).message}`);
  }
  let spec: Spec;
  try {
    spec = JSON.parse(text) as Spec;
  } catch (e) {
    throw new RuntimeError(`${file}: not JSON: ${(e as Error).message}`);
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new RuntimeError(`${file}: not a JSON object`);
  const v = typeof spec.ociVersion === 'string' ? parseSemVer(spec.ociVersion) : undefined;
  if (!v) throw new RuntimeError(`${file}: ociVersion ${JSON.stringify(spec.ociVersion)} is not a SemVer version`);
  if (v.major !== 1) throw new RuntimeError(`${file}: ociVersion ${spec.ociVersion}: this runtime implements runtime-spec 1.x`);
  if (!spec.root?.path) throw new RuntimeError(`${file}: root.path is missing`);
  const rootfs = resolve(bundle, spec.root.path);
  let isDir = false;
  try {
    isDir = statSync(rootfs).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new RuntimeError(`${file}: root.path ${spec.root.path}: no directory at ${rootfs}`);
  return { bundle, spec, rootfs };
}

/** Everything that can be refused before anything exists; returns warnings to print. */
function refuseEarly(spec: Spec, bundle: string, o: CreateOptions): { ns: NamespacePlan; warnings: string[] } {
  const ns = planNamespaces(spec);
  if (!has(ns, 'mount')) throw new RuntimeError('linux.namespaces: the container needs a mount namespace (new or by path); without one its root would be the host\'s');
  checkSysctls(spec, ns);
  const warnings: string[] = [];
  if (spec.process) {
    if (spec.process.terminal && !o.consoleSocket) throw new RuntimeError('process.terminal is true: --console-socket is required');
    if (!spec.process.terminal && o.consoleSocket) throw new RuntimeError('--console-socket was given but process.terminal is not true');
    warnings.push(...wrap(() => checkProcessConfig(spec.process!, spec.ociVersion, spec.linux)));
  }
  if (spec.linux?.seccomp) warnings.push(...wrap(() => checkSeccomp(spec.linux!.seccomp!, spec.ociVersion)));
  wrap(() => checkRootfsConfig(spec, bundle));
  return { ns, warnings };
}

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RuntimeError) throw e;
    throw new RuntimeError((e as Error).message);
  }
}

/** Creates the container; resolves with the exit status of the process create started (the init, or the waiter beside it, which exits with the init's status), for `run`. */
export async function create(store: Store, id: string, o: CreateOptions, warn: (m: string) => void): Promise<{ wait: () => Promise<number> }> {
  const { bundle, spec, rootfs } = readBundle(o.bundle);
  const { ns, warnings } = refuseEarly(spec, bundle, o);
  for (const w of warnings) warn(w);
  const lock = store.createLocked(id);
  const rec: ContainerRecord = {
    id,
    bundle,
    ociVersion: spec.ociVersion,
    annotations: spec.annotations,
    created: false,
    started: false,
    creator: process.pid,
    hooks: spec.hooks,
    noProcess: spec.process === undefined,
  };
  writeFileSync(join(lock.dir, 'config.json'), JSON.stringify(spec));
  store.write(rec);
  for (const f of ['exec.fifo', 'exec.done']) check(mkfifo(join(lock.dir, f), 0o600), 'mkfifo', f);
  const started = new Started();
  try {
    await build(store, rec, spec, bundle, rootfs, ns, o, started);
  } catch (e) {
    started.killAll();
    await started.exited();
    if (rec.cgroups) removeCgroups(rec.cgroups as never);
    const stopped: State = { ociVersion: spec.ociVersion, id, status: 'stopped', bundle, ...(spec.annotations ? { annotations: spec.annotations } : {}) };
    if (started.hooksRan) for (const f of runHooks('poststop', spec.hooks?.poststop, stopped, true)) warn(f.message);
    store.remove(id);
    throw e instanceof RuntimeError ? e : new RuntimeError((e as Error).message);
  } finally {
    started.holder?.kill('SIGKILL');
    lock.release();
  }
  if (o.pidFile) writePidFile(o.pidFile, rec.pid!);
  const init = started.init!;
  return {
    // on demand only: waiting keeps this process alive (create itself leaves the init running and exits)
    wait: () =>
      new Promise((resolve) => {
        init.ref();
        if (init.exitCode !== null || init.signalCode !== null) resolve(init.exitCode ?? 128 + (SIGNALS[init.signalCode!] ?? 0));
        else init.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? (SIGNALS[signal] ?? 0) : 0)));
      }),
  };
}

/** The processes create started, so a failure kills exactly those. */
class Started {
  init: ChildProcess | undefined;
  holder: ChildProcess | undefined;
  /** createRuntime hooks began: a failure from here on is followed by the poststop hooks (runtime.md Lifecycle 12). */
  hooksRan = false;
  private initExit: Promise<void> | undefined;

  watchInit(c: ChildProcess): void {
    this.init = c;
    this.initExit = new Promise((r) => {
      if (c.exitCode !== null || c.signalCode !== null) r();
      else c.once('exit', () => r());
    });
  }

  killAll(): void {
    for (const c of [this.init, this.holder]) if (c?.pid !== undefined && c.exitCode === null && c.signalCode === null) kill(c.pid, 9);
  }

  async exited(): Promise<void> {
    await this.initExit;
  }
}

async function build(store: Store, rec: ContainerRecord, spec: Spec, bundle: string, rootfs: string, ns: NamespacePlan, o: CreateOptions, started: Started): Promise<void> {
  const tools = utilLinux();
  const cgroupPlan = planCgroups(spec.linux?.cgroupsPath, rec.id);
  // user namespace (and a pid namespace it owns) held by a small process
  const userPath = ns.create.has('user') ? startHolder(spec, tools, started) : ns.join.get('user');
  const dir = store.dir(rec.id);
  const handed = handOver(dir, o.consoleSocket, spec.linux?.seccomp?.listenerPath);
  let child: ChildProcess;
  try {
    child = spawnInit(spec, ns, tools, userPath);
    const channelFd = (child.stdio[3] as unknown as { _handle?: { fd?: number } })._handle?.fd;
    if (channelFd === undefined || channelFd < 0) throw new RuntimeError('the channel to the container init has no descriptor');
    // an init that died at once (its program missing in a joined mount namespace) is reported below, from its exit
    sendFds(channelFd, Buffer.from([(o.consoleSocket ? 1 : 0) | (spec.linux?.seccomp?.listenerPath ? 2 : 0)]), handed);
  } finally {
    for (const fd of handed) closeSync(fd);
  }
  started.watchInit(child);
  if (child.pid === undefined) throw new RuntimeError('the container init could not be started');
  const messages = new InitMessages(child.stdio[3] as NodeJS.ReadableStream);
  // while the init's Node starts: its cgroups, made and limited, still empty (the init joins them after its hello,
  // so what Node allocates to start is not charged to the container's memory limit)
  rec.cgroups = makeCgroups(cgroupPlan);
  store.write(rec);
  applyResources(rec.cgroups as never, spec.linux?.resources, spec);
  const hello = await messages.next();
  if (hello?.t !== 'hello') {
    const joinedMount = ns.join.has('mount') ? ': a joined mount namespace must have this runtime\'s node and util-linux at their host paths (the init starts after entering it); a container\'s has not' : '';
    throw new RuntimeError(`the container init did not start${await exitOf(child)}${joinedMount}`);
  }
  // the init itself, or, under a user namespace with a pid namespace of its own, the child unshare --fork made
  const pid = hello.pid;
  const channel = child.stdio[3] as unknown as { write(s: string): void; end(): void; fd?: number };
  const sendToInit = (m: ToInit): void => channel.write(JSON.stringify(m) + '\n');
  placeInCgroups(rec.cgroups as never, pid);
  const state: State = { ociVersion: spec.ociVersion, id: rec.id, status: 'creating', pid, bundle, ...(spec.annotations ? { annotations: spec.annotations } : {}) };
  const plan: InitPlan = {
    spec,
    bundle,
    rootfs,
    cgroupNs: ns.create.has('cgroup') ? {} : ns.join.has('cgroup') ? { path: ns.join.get('cgroup') } : undefined,
    state,
  };
  sendToInit({ t: 'plan', plan });
  for (;;) {
    const m = await messages.next();
    if (m === undefined) throw new RuntimeError(`the container init exited before the container was created${await exitOf(child)}`);
    if (m.t === 'error') throw new RuntimeError(m.message);
    if (m.t === 'hooks') {
      started.holder?.kill('SIGKILL');
      started.hooksRan = true;
      const failed = [
        ...(prestartAtCreate(spec.ociVersion) ? runHooks('prestart', spec.hooks?.prestart, state) : []),
      ];
      if (failed.length === 0) failed.push(...runHooks('createRuntime', spec.hooks?.createRuntime, state));
      if (failed[0]) {
        sendToInit({ t: 'abort' });
        throw new RuntimeError(failed[0].message);
      }
      sendToInit({ t: 'go' });
      continue;
    }
    // created
    rec.pid = pid;
    rec.startTime = processStartTime(pid);
    if (rec.startTime === undefined) throw new RuntimeError('the container init exited right after it was created');
    rec.created = true;
    delete rec.creator;
    store.write(rec);
    channel.end();
    child.unref();
    (child.stdio[3] as unknown as { unref?: () => void; destroy(): void }).destroy();
    return;
  }
}

async function exitOf(c: ChildProcess): Promise<string> {
  if (c.exitCode === null && c.signalCode === null) await new Promise((r) => setTimeout(r, 50));
  if (c.signalCode) return ` (killed by ${c.signalCode})`;
  if (c.exitCode !== null) return ` (exit status ${c.exitCode})`;
  return '';
}

interface Tools {
  unshare: string;
  nsenter: string;
  cat: string;
}

function utilLinux(): Tools {
  const find = (name: string): string => {
    for (const d of ['/usr/bin', '/bin', '/usr/sbin', '/sbin', ...(process.env.PATH ?? '').split(':')]) {
      if (d && existsSync(join(d, name))) return join(d, name);
    }
    throw new RuntimeError(`${name} (util-linux) was not found: oci-ts-runtime needs util-linux's unshare and nsenter`);
  };
  return { unshare: find('unshare'), nsenter: find('nsenter'), cat: find('cat') };
}

const SLEEP = new Int32Array(new SharedArrayBuffer(4));

/** The user namespace's holder: started, mapped, and the path of its user namespace. */
function startHolder(spec: Spec, tools: Tools, started: Started): string {
  const args = [tools.unshare, '--user', '--', tools.cat];
  const h = childProcess().spawn(args[0]!, args.slice(1), { stdio: ['pipe', 'ignore', 'ignore'], env: {} });
  started.holder = h;
  if (h.pid === undefined) throw new RuntimeError('the user namespace holder could not be started');
  // wait until it runs cat: its namespaces exist then
  for (let i = 0; ; i++) {
    let exe = '';
    try {
      exe = readlinkSync(`/proc/${h.pid}/exe`);
    } catch {
      // not yet, or gone
    }
    if (exe === tools.cat || exe.endsWith('/cat')) break;
    if (h.exitCode !== null || i > 5000) throw new RuntimeError(`the user namespace holder (${args.join(' ')}) failed`);
    Atomics.wait(SLEEP, 0, 0, 1);
  }
  {
    const map = (m: { containerID: number; hostID: number; size: number }[] | undefined): string => (m ?? []).map((x) => `${x.containerID} ${x.hostID} ${x.size}\n`).join('');
    writeMap(`/proc/${h.pid}/uid_map`, map(spec.linux?.uidMappings), 'linux.uidMappings');
    writeMap(`/proc/${h.pid}/gid_map`, map(spec.linux?.gidMappings), 'linux.gidMappings');
  }
  return `/proc/${h.pid}/ns/user`;
}

function writeMap(path: string, text: string, field: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new RuntimeError(`${field}: the kernel refused the mapping ${JSON.stringify(text.trim())}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** How to start the init: the bundled script next to this one, or the TypeScript source through tsx in a checkout. */
function initCommand(): { args: string[]; cwd?: string } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const root = resolve(dirname(here), '..');
    return { args: ['--import', 'tsx/esm', '-e', `import(${JSON.stringify(join(root, 'runtime', 'init', 'main.ts'))}).then((m) => m.run())`], cwd: root };
  }
  // the starter the build writes beside the code-cached scripts (scripts/build.ts)
  return { args: [join(dirname(here), 'oci-ts-runtime-init.cjs')] };
}

/** What the init is handed (channel.ts): the exec fifo's two ends, exec.done, the console socket connected. */
function handOver(dir: string, consoleSocket: string | undefined, listenerPath: string | undefined): number[] {
  const fifo = join(dir, 'exec.fifo');
  const fds: number[] = [];
  try {
    fds.push(openSync(fifo, fsc.O_RDONLY | fsc.O_NONBLOCK));
    fds.push(openSync(fifo, fsc.O_WRONLY));
    fds.push(openSync(join(dir, 'exec.done'), fsc.O_RDWR));
    if (consoleSocket) fds.push(connectUnix(resolve(consoleSocket)));
    if (listenerPath) fds.push(connectUnix(listenerPath));
  } catch (e) {
    for (const fd of fds) closeSync(fd);
    const what = fds.length < 3 ? dir : consoleSocket && fds.length === 3 ? `--console-socket ${consoleSocket}` : `linux.seccomp.listenerPath ${listenerPath}`;
    throw new RuntimeError(`${what}: ${(e as Error).message}`);
  }
  return fds;
}

function spawnInit(spec: Spec, ns: NamespacePlan, tools: Tools, userPath: string | undefined): ChildProcess {
  const enter: string[] = [];
  if (userPath) enter.push(`--user=${userPath}`);
  for (const t of ['ipc', 'uts', 'network', 'mount', 'time'] as const) {
    const p = ns.join.get(t);
    if (p) enter.push(`${UTIL_OPTION[t]}=${p}`);
  }
  const make = (['mount', 'uts', 'ipc', 'network'] as const).filter((t) => ns.create.has(t)).map((t) => UTIL_OPTION[t]);
  // A pid namespace owned by the container's user namespace can only be made after entering it, and a process
  // becomes its PID 1 only by being started in it: unshare forks the init (and kills it if it dies itself).
  const pidByFork = userPath !== undefined && ns.create.has('pid');
  if (pidByFork) make.unshift('--pid', '--fork', '--kill-child');
  const init = initCommand();
  const argv = [
    ...(enter.length > 0 ? [tools.nsenter, ...enter, '--'] : []),
    ...(make.length > 0 ? [tools.unshare, ...make, '--propagation', 'unchanged', '--'] : []),
    process.execPath,
    ...init.args,
  ];
  // pid and time namespaces apply to the children we start from now on
  let restorePid: number | undefined;
  try {
    if ((ns.create.has('pid') && !pidByFork) || ns.join.has('pid')) {
      restorePid = openSync('/proc/self/ns/pid', 'r');
      const target = ns.join.get('pid');
      if (target) {
        const fd = openSync(target, 'r');
        try {
          check(setns(fd, CLONE_NEWPID), 'setns', `pid namespace ${target}`);
        } finally {
          closeSync(fd);
        }
      } else check(unshare(CLONE_NEWPID), 'unshare', 'pid namespace');
    }
    if (ns.create.has('time')) {
      check(unshare(CLONE_NEWTIME), 'unshare', 'time namespace');
      const offsets = Object.entries(spec.linux?.timeOffsets ?? {})
        .map(([clock, o]) => `${clock} ${o.secs ?? 0} ${o.nanosecs ?? 0}\n`)
        .join('');
      if (offsets) {
        try {
          writeFileSync('/proc/self/timens_offsets', offsets);
        } catch (e) {
          throw new RuntimeError(`linux.timeOffsets: the kernel refused ${JSON.stringify(offsets.trim())}: ${(e as NodeJS.ErrnoException).code}`);
        }
      }
    }
    return childProcess().spawn(argv[0]!, argv.slice(1), {
      stdio: [0, 1, 2, 'pipe'],
      detached: true,
      cwd: init.cwd ?? '/',
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
    });
  } finally {
    if (restorePid !== undefined) {
      setns(restorePid, CLONE_NEWPID);
      closeSync(restorePid);
    }
  }
}

function writePidFile(path: string, pid: number): void {
  const abs = resolve(path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(`${abs}.tmp`, String(pid));
  renameSync(`${abs}.tmp`, abs);
}

