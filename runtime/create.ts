/**
 * `create`: reads the bundle, refuses what it can't apply before anything
 * exists, then starts the container init in the container's namespaces and
 * cgroups and waits until it reports "created" (runtime.md, Lifecycle 1-6).
 * This is create for the configs create-in-place.ts leaves to it (a user or
 * time namespace, no new pid namespace, runtime-namespace hooks, a terminal,
 * a seccomp listener) and whenever node runs the command line directly; for
 * the others the command itself becomes the init there.
 *
 * How the init gets its namespaces without C code (Node is multithreaded, so
 * it can't create or join a user namespace; the others are per thread, and
 * enter the program with the thread that calls execve):
 * - pid (and time): `unshare(CLONE_NEWPID)` / `setns` here applies to our
 *   children only, so the init we spawn next is PID 1 of the new namespace and
 *   its parent (this process) exits after create, as runc's does;
 * - mount, uts, ipc, network, cgroup: the init's main thread makes or joins
 *   them itself once we placed it in its cgroups (InitPlan.threadNs): Node and
 *   its scripts start in ours, and no program is exec'd on the way;
 * - user: a holder process (`unshare --user cat`) makes the user namespace;
 *   we write its uid_map and gid_map and the init enters it with
 *   `nsenter --user`, as uid 0 with every capability there. A pid namespace it
 *   owns is made after entering it (`unshare --pid --fork`), and so are the
 *   new mount, uts, ipc and network ones, and those joined by path except
 *   mount and cgroup, as util-linux enters them (the init's thread then holds
 *   no capability in the host's user namespace).
 */
import { closeSync, constants as fsc, existsSync, mkdirSync, openSync, readFileSync, readlinkSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSemVer } from '../spec/versions.js';
import { receive, send, type FromInit, type InitPlan, type ThreadNamespace, type ToInit } from './channel.js';
import { applyResources, makeCgroups, placeInCgroups, planCgroups, removeCgroups } from './cgroups/index.js';
import { prestartAtCreate, runHooks } from './hooks.js';
import { SIGNALS } from './signals.js';
import { checkProcessConfig } from './init/process.js';
import { checkRootfsConfig } from './init/rootfs.js';
import { checkSeccomp } from './init/seccomp/index.js';
import { forkProcess } from './child-process.js';
import { check, close, CLONE_NEWPID, CLONE_NEWTIME, connectUnix, exitStatus, kill, mkfifo, pipe, sendFds, setns, socketpair, spawnProcess, unshare, waitpid, WNOHANG } from './libc.js';
import { checkSysctls, has, planNamespaces, UTIL_OPTION, type NamespacePlan } from './namespaces.js';
import type { Spec, State } from './spec.js';
import { processStartTime, RuntimeError, type ContainerRecord, type Store } from './store.js';

export interface CreateOptions {
  bundle: string;
  pidFile?: string;
  consoleSocket?: string;
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
export function refuseEarly(spec: Spec, bundle: string, o: CreateOptions): { ns: NamespacePlan; warnings: string[] } {
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

/** The record of a container being created by `creator`. */
export function newRecord(id: string, bundle: string, spec: Spec, creator: number): ContainerRecord {
  return { id, bundle, ociVersion: spec.ociVersion, annotations: spec.annotations, created: false, started: false, creator, hooks: spec.hooks, noProcess: spec.process === undefined };
}

/** Creates the container; resolves with the exit status of the process create started (the init, or the waiter beside it, which exits with the init's status), for `run`. */
export async function create(store: Store, id: string, o: CreateOptions, warn: (m: string) => void): Promise<{ wait: () => Promise<number> }> {
  const { bundle, spec, rootfs } = readBundle(o.bundle);
  const { ns, warnings } = refuseEarly(spec, bundle, o);
  for (const w of warnings) warn(w);
  const lock = store.createLocked(id);
  const rec = newRecord(id, bundle, spec, process.pid);
  writeFileSync(join(lock.dir, 'config.json'), JSON.stringify(spec));
  store.write(rec);
  for (const f of ['exec.fifo', 'exec.done']) check(mkfifo(join(lock.dir, f), 0o600), 'mkfifo', f);
  const started = new Started();
  try {
    build(store, rec, spec, bundle, rootfs, ns, o, started);
  } catch (e) {
    started.killInit();
    if (rec.cgroups) removeCgroups(rec.cgroups as never);
    const stopped: State = { ociVersion: spec.ociVersion, id, status: 'stopped', bundle, ...(spec.annotations ? { annotations: spec.annotations } : {}) };
    if (started.hooksRan) for (const f of runHooks('poststop', spec.hooks?.poststop, stopped, true)) warn(f.message);
    store.remove(id);
    throw e instanceof RuntimeError ? e : new RuntimeError((e as Error).message);
  } finally {
    started.dropHolder();
    lock.release();
  }
  if (o.pidFile) writePidFile(o.pidFile, rec.pid!);
  const init = started.init!;
  return {
    // on demand only (create itself leaves the init running, unreaped, and exits): blocks until it exits
    wait: () => Promise.resolve(exitStatus(waitpid(init, 0).status)),
  };
}

/**
 * The processes create started (our children, posix_spawn'ed), so a failure kills exactly those. A child is reaped
 * only here (nothing else in this process waits for children), so until then its pid can't be another's.
 */
class Started {
  /** The pid of the process spawned for the init (the init, or `unshare --fork` waiting beside it). */
  init: number | undefined;
  /** Its wait status, once reaped. */
  initStatus: number | undefined;
  holder: number | undefined;
  /** Our end of the holder's stdin: it exits when this closes (also when this process is killed). */
  holderStdin: number | undefined;
  /** Our end of the channel to the init. */
  channel: number | undefined;
  /** createRuntime hooks began: a failure from here on is followed by the poststop hooks (runtime.md Lifecycle 12). */
  hooksRan = false;

  /** Reaps the init if it has exited (waiting up to `ms` for it); its wait status then. */
  initExited(ms = 0): number | undefined {
    for (let i = 0; this.init !== undefined && this.initStatus === undefined; i++) {
      const r = waitpid(this.init, WNOHANG);
      if (r.pid === this.init) this.initStatus = r.status;
      else if (r.pid < 0 || i >= ms) break;
      else Atomics.wait(SLEEP, 0, 0, 1);
    }
    return this.initStatus;
  }

  /** Kills the init and waits until it is gone. */
  killInit(): void {
    if (this.channel !== undefined) close(this.channel);
    this.channel = undefined;
    if (this.init === undefined || this.initExited() !== undefined) return;
    kill(this.init, 9);
    this.initStatus = waitpid(this.init, 0).status;
  }

  dropHolder(): void {
    if (this.holder !== undefined) {
      kill(this.holder, 9);
      waitpid(this.holder, 0);
      this.holder = undefined;
    }
    if (this.holderStdin !== undefined) close(this.holderStdin);
    this.holderStdin = undefined;
  }
}

function build(store: Store, rec: ContainerRecord, spec: Spec, bundle: string, rootfs: string, ns: NamespacePlan, o: CreateOptions, started: Started): void {
  // util-linux is needed to enter a user namespace, and to join a time namespace (setns there wants a single thread)
  const tools = has(ns, 'user') || ns.join.has('time') ? utilLinux() : undefined;
  // user namespace (and a pid namespace it owns) held by a small process
  const userPath = tools && ns.create.has('user') ? startHolder(spec, tools, started) : ns.join.get('user');
  const dir = store.dir(rec.id);
  const handed = handOver(dir, o.consoleSocket, spec.linux?.seccomp?.listenerPath);
  let channel: number;
  try {
    const [ours, theirs] = socketpair();
    started.channel = channel = ours;
    try {
      started.init = spawnInit(spec, ns, tools, userPath, theirs);
    } finally {
      // the init's end is the init's alone: when it exits, our reads see the end of the channel
      close(theirs);
    }
    // an init that died at once is reported below, from its exit
    sendFds(channel, Buffer.from([(o.consoleSocket ? 1 : 0) | (spec.linux?.seccomp?.listenerPath ? 2 : 0)]), handed);
  } finally {
    for (const fd of handed) closeSync(fd);
  }
  const sendToInit = (m: ToInit): void => send(m, channel);
  const next = (): FromInit | undefined => receive<FromInit>(channel);
  // while the init's Node starts: its cgroups, planned, made and limited, still empty (the init joins them after its
  // hello, so what Node allocates to start is not charged to the container's memory limit)
  rec.cgroups = makeCgroups(planCgroups(spec.linux?.cgroupsPath, rec.id));
  store.write(rec);
  applyResources(rec.cgroups as never, spec.linux?.resources, spec);
  const hello = next();
  if (hello?.t !== 'hello') throw new RuntimeError(`the container init did not start${exitOf(started)}`);
  // the init itself, or, under a user namespace with a pid namespace of its own, the child unshare --fork made
  const pid = hello.pid;
  if (ns.create.has('time')) checkTimeNamespace(pid);
  placeInCgroups(rec.cgroups as never, pid);
  const state: State = { ociVersion: spec.ociVersion, id: rec.id, status: 'creating', pid, bundle, ...(spec.annotations ? { annotations: spec.annotations } : {}) };
  const plan: InitPlan = {
    spec,
    bundle,
    rootfs,
    threadNs: threadNamespaces(ns, has(ns, 'user')),
    state,
  };
  sendToInit({ t: 'plan', plan });
  for (;;) {
    const m = next();
    if (m === undefined) throw new RuntimeError(`the container init exited before the container was created${exitOf(started)}`);
    if (m.t === 'error') throw new RuntimeError(m.message);
    if (m.t === 'hooks') {
      started.dropHolder();
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
    close(channel);
    started.channel = undefined;
    return;
  }
}

/** How the init ended, for a message: it closed the channel, so it is gone or about to be. */
function exitOf(started: Started): string {
  const status = started.initExited(50);
  if (status === undefined) return '';
  if ((status & 0x7f) === 0) return ` (exit status ${(status >> 8) & 0xff})`;
  const n = status & 0x7f;
  return ` (killed by ${Object.keys(SIGNALS).find((k) => SIGNALS[k] === n) ?? `signal ${n}`})`;
}

/**
 * The init is in the time namespace made for it (it is forked into it: forkProcess), checked rather than assumed:
 * a container on the host's clocks fails create instead.
 */
function checkTimeNamespace(pid: number): void {
  let same = false;
  try {
    same = statSync(`/proc/${pid}/ns/time`).ino === statSync('/proc/self/ns/time_for_children').ino;
  } catch {
    // reported below
  }
  if (!same) throw new RuntimeError('linux.namespaces (time): the container init is not in the new time namespace');
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
  // cat reads its stdin, our pipe, until we close it or are gone
  const [r, w] = pipe();
  started.holderStdin = w;
  let pid: number;
  try {
    pid = spawnProcess(args[0]!, args, [], { fds: [[0, r]], devNull: [1, 2] });
  } catch (e) {
    throw new RuntimeError(`the user namespace holder (${args.join(' ')}) could not be started: ${(e as Error).message}`);
  } finally {
    close(r);
  }
  started.holder = pid;
  // wait until it runs cat: its namespaces exist then
  for (let i = 0; ; i++) {
    let exe = '';
    try {
      exe = readlinkSync(`/proc/${pid}/exe`);
    } catch {
      // not yet, or gone
    }
    if (exe === tools.cat || exe.endsWith('/cat')) break;
    if (waitpid(pid, WNOHANG).pid === pid) {
      started.holder = undefined;
      throw new RuntimeError(`the user namespace holder (${args.join(' ')}) failed`);
    }
    if (i > 5000) throw new RuntimeError(`the user namespace holder (${args.join(' ')}) failed`);
    Atomics.wait(SLEEP, 0, 0, 1);
  }
  {
    const map = (m: { containerID: number; hostID: number; size: number }[] | undefined): string => (m ?? []).map((x) => `${x.containerID} ${x.hostID} ${x.size}\n`).join('');
    writeMap(`/proc/${pid}/uid_map`, map(spec.linux?.uidMappings), 'linux.uidMappings');
    writeMap(`/proc/${pid}/gid_map`, map(spec.linux?.gidMappings), 'linux.gidMappings');
  }
  return `/proc/${pid}/ns/user`;
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
export function handOver(dir: string, consoleSocket: string | undefined, listenerPath: string | undefined): number[] {
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

const THREAD_NAMESPACES: readonly ThreadNamespace[] = ['mount', 'uts', 'ipc', 'network', 'cgroup'];

/**
 * What the init's main thread makes or joins itself (InitPlan.threadNs): every namespace but user, pid and time; under
 * a user namespace (`byUtil`) only a new cgroup namespace and the mount and cgroup namespaces joined by path, the rest
 * being util-linux's (spawnInit).
 */
export function threadNamespaces(ns: NamespacePlan, byUtil: boolean): InitPlan['threadNs'] {
  const ours = THREAD_NAMESPACES.filter((t) => !byUtil || t === 'cgroup' || t === 'mount');
  return {
    create: ours.filter((t) => ns.create.has(t) && !(byUtil && t === 'mount')),
    join: ours.filter((t) => ns.join.has(t)).map((t) => [t, ns.join.get(t)!]),
  };
}

/** Starts the init with `channel` as its fd 3; its pid. `tools` (util-linux): for a user namespace or a time namespace joined. */
function spawnInit(spec: Spec, ns: NamespacePlan, tools: Tools | undefined, userPath: string | undefined, channel: number): number {
  const init = initCommand();
  const argv = [...(tools ? utilPrefix(ns, tools, userPath) : []), process.execPath, ...init.args];
  // pid and time namespaces apply to the children we start from now on
  const pidByFork = tools !== undefined && userPath !== undefined && ns.create.has('pid');
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
    try {
      // stdio is ours (Node keeps its own close-on-exec: given explicitly); a session of its own
      const fds: [number, number][] = [[0, 0], [1, 1], [2, 2], [3, channel]];
      const env = ['PATH=/usr/sbin:/usr/bin:/sbin:/bin'];
      const how = { fds, cwd: init.cwd ?? '/', setsid: true };
      // a new time namespace: with fork, not posix_spawn's CLONE_VM, which older kernels (6.1) refuse while it is pending
      return ns.create.has('time') ? forkProcess(argv[0]!, argv, env, how) : spawnProcess(argv[0]!, argv, env, how);
    } catch (e) {
      throw new RuntimeError(`the container init could not be started: ${(e as Error).message}`);
    }
  } finally {
    if (restorePid !== undefined) {
      setns(restorePid, CLONE_NEWPID);
      closeSync(restorePid);
    }
  }
}

/**
 * The programs that start the init: nsenter joins a time namespace by path (setns there wants a single thread) and
 * enters a user namespace, with the ipc, uts and network namespaces joined by path (mount and cgroup the init joins
 * itself); then unshare makes the new ones the user namespace owns. A pid namespace owned by the container's user
 * namespace can only be made after entering it, and a process becomes its PID 1 only by being started in it:
 * unshare forks the init (and kills it if it dies itself). Without a user namespace the init makes and joins the
 * others itself (threadNamespaces).
 */
function utilPrefix(ns: NamespacePlan, tools: Tools, userPath: string | undefined): string[] {
  const enter: string[] = [];
  const time = ns.join.get('time');
  if (time) enter.push(`${UTIL_OPTION.time}=${time}`);
  if (userPath === undefined) return [tools.nsenter, ...enter, '--'];
  enter.push(`--user=${userPath}`);
  for (const t of ['ipc', 'uts', 'network'] as const) {
    const p = ns.join.get(t);
    if (p) enter.push(`${UTIL_OPTION[t]}=${p}`);
  }
  const make = (['mount', 'uts', 'ipc', 'network'] as const).filter((t) => ns.create.has(t)).map((t) => UTIL_OPTION[t]);
  if (ns.create.has('pid')) make.unshift('--pid', '--fork', '--kill-child');
  return [...(enter.length > 0 ? [tools.nsenter, ...enter, '--'] : []), ...(make.length > 0 ? [tools.unshare, ...make, '--propagation', 'unchanged', '--'] : [])];
}

function writePidFile(path: string, pid: number): void {
  const abs = resolve(path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(`${abs}.tmp`, String(pid));
  renameSync(`${abs}.tmp`, abs);
}

