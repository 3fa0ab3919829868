/**
 * The container init: the process `create` starts in the container's pid
 * namespace (and, for a user namespace, in it and the ones it owns, through
 * util-linux nsenter/unshare); `create` places it in its cgroups, and its main
 * thread makes or joins the other namespaces itself. It builds the container from
 * the plan `create` sends on fd 3, reports "created", waits at the exec fifo
 * until `start`, and becomes the user program with execve: its pid is the
 * container's pid from create to exit.
 *
 * Order (config.md, runtime.md): namespaces, sysctls, hostname, rootfs
 * (mounts, devices); prestart/createRuntime hooks by `create`, createContainer
 * hooks here; pivot_root, masked and read-only paths; terminal; process
 * attributes; credentials (user, groups, capabilities, umask, no_new_privs) and
 * the seccomp program built; "created"; wait; startContainer hooks (so with the
 * container process's credentials, as runc runs them); signals and descriptors
 * as a new program expects them; rlimits exactly; seccomp; execve. So `start`
 * waits for little more than the fifo and the execve. One exception: a seccomp
 * filter without noNewPrivileges needs CAP_SYS_ADMIN to install, so it must
 * precede the credentials, and it is installed as late as possible (a filter
 * binds what Node does after it): there the credentials follow it after `start`.
 */
import { mkdirSync, readlinkSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeCache } from '../../core/code-cache.js';
import { CHANNEL_FD, receive, receiveHanded, send, type Handed, type InitPlan, type ThreadNamespace, type ToInit } from '../channel.js';
import { runHooks } from '../hooks.js';
import {
  check,
  errno,
  SysError,
  cloexecFrom,
  close,
  CLONE_FS,
  CLONE_NEWCGROUP,
  CLONE_NEWIPC,
  CLONE_NEWNET,
  CLONE_NEWNS,
  CLONE_NEWUTS,
  execve,
  exitOnSignals,
  F_GETFL,
  F_SETFD,
  F_SETFL,
  fcntl,
  O_CLOEXEC,
  O_NONBLOCK,
  O_RDONLY,
  open,
  prctl,
  PR_SET_DUMPABLE,
  read,
  resetSignals,
  setdomainname,
  sethostname,
  setns,
  unshare,
} from '../libc.js';
import type { Spec } from '../spec.js';
import { applyCredentials, applyProcessAttributes, applyRlimits } from './process.js';
import { enterRootfs, prepareRootfs } from './rootfs.js';
import type { CompiledSeccomp } from './seccomp/compile.js';
import { setupTerminal } from './terminal.js';
import { resolveProgram, type Program } from './program.js';

/**
 * Signals whose default action ends a process (SIGKILL and SIGSTOP need nothing). Not SIGPIPE: Node ignores it so
 * that a write to a closed pipe is an EPIPE error, and the hooks run here write the state to a hook's stdin, which a
 * hook that does not read it has closed (an _exit handler there ended the init with status 13 about once in three).
 */
const ENDING = [1, 2, 3, 6, 10, 12, 14, 15, 24, 25, 26, 27, 29, 30];

/** The code-cached script that holds the seccomp part (runtime/init/seccomp/script.ts, scripts/build.ts). */
export const SECCOMP_SCRIPT = 'oci-ts-runtime-init-seccomp';

type SeccompScript = typeof import('./seccomp/script.js');

/** The seccomp part, for a config with linux.seccomp only: set by run() (from its own script, or imported). */
let loadSeccomp: () => SeccompScript = () => {
  throw new Error('the container init was not started by run()');
};

/** The seccomp part for a config with linux.seccomp, when the container is built elsewhere than by run() (create-in-place.ts). */
export function useSeccompScript(script: SeccompScript): void {
  loadSeccomp = () => script;
}

function main(): void {
  // the host's procfs is still mounted here: /proc/self is our pid as the runtime sees it. First thing, before the
  // libc binding loads (some 5 ms): create places us in the cgroups meanwhile
  send({ t: 'hello', pid: Number(readlinkSync('/proc/self')) });
  becomeInit();
  const handed = receiveHanded();
  const first = receive<ToInit>();
  if (first?.t !== 'plan') process.exit(1);
  const plan = first.plan;
  becomeContainer(plan, handed, {
    gate: () => {
      send({ t: 'hooks' });
      const reply = receive<ToInit>();
      if (reply?.t !== 'go') process.exit(1);
    },
    created: (ready) => {
      applyCredentialsNow(plan, ready);
      send({ t: 'created', warnings: [] });
      close(CHANNEL_FD);
    },
    failed: (message) => {
      try {
        send({ t: 'error', message });
      } catch {
        // the runtime is gone (start was called): the error file tells it
      }
    },
  });
}

/**
 * What the init's process is from its first step: a PID 1 that ends on the signals that end a process, and not
 * dumpable until execve (which makes the program dumpable as usual), as runc's init: a process of the container
 * (one sharing its pid namespace already, or a hook) can't open /proc/<our pid>/exe, the host's node binary, to
 * write it (CVE-2019-5736). Once we drop to the container's capabilities before `created`, the capability subset
 * rule of ptrace access no longer keeps it out.
 */
export function becomeInit(): void {
  exitOnSignals(ENDING);
  check(prctl(PR_SET_DUMPABLE, 0), 'prctl PR_SET_DUMPABLE');
}

/** The points where the process that builds the container (the init, or create itself: create.ts) meets its runtime. */
export interface Steps {
  /** Between the rootfs prepared and the createContainer hooks: the runtime's prestart and createRuntime hooks. */
  gate(): void;
  /** Built: the credentials are still to set (applyCredentialsNow), then `created` is told. */
  created(ready: Ready | undefined): void;
  /** A failure before `created` was told (the message also goes to exec.done, which `start` reads). */
  failed(message: string): void;
}

/** Builds the container from `plan`, waits at the exec fifo and becomes the program at `start`; never returns. */
export function becomeContainer(plan: InitPlan, handed: Handed, steps: Steps): never {
  let errFd = -1;
  let told = false;
  try {
    // exec.done is held until execve closes it: `start` reads it to its end, which is the exec, or an error
    errFd = handed.done;
    // reading waits for `start` (our own write end, handed.fifoWrite, keeps it from seeing end of file)
    const fifo = handed.fifoRead;
    check(fcntl(fifo, F_SETFL, fcntl(fifo, F_GETFL) & ~O_NONBLOCK), 'fcntl', 'exec.fifo');
    const ready = build(plan, handed, steps.gate);
    steps.created(ready);
    told = true;
    // blocks until `start` writes (or the process is killed)
    const b = Buffer.alloc(1);
    for (;;) {
      const n = read(fifo, b);
      if (n === 1) break;
      if (n === 0) process.exit(1);
    }
    close(fifo);
    startProgram(plan, ready, handed);
  } catch (e) {
    const message = (e as Error).message;
    if (!told) steps.failed(message);
    if (errFd >= 0) writeSync(errFd, message + '\n');
  }
  process.exit(1);
}

/**
 * As runc's finalizeNamespace, before the exec fifo: a failure is create's, and start waits for none of it. Without
 * no_new_privs a seccomp filter can only be installed while we still hold CAP_SYS_ADMIN, so with one the
 * credentials follow it at `start` (startProgram).
 */
export function applyCredentialsNow(plan: InitPlan, ready: Ready | undefined): void {
  if (ready && plan.spec.process && !ready.credentialsAfterFilter) applyCredentials(plan.spec.process);
}

/** What is left for `start`: the program (resolved in the container's root), its seccomp program, whether the credentials wait for the filter. */
export interface Ready {
  readonly program: Program;
  /** The seccomp program and the part that installs it. */
  readonly seccomp: { readonly compiled: CompiledSeccomp; readonly script: SeccompScript } | undefined;
  readonly credentialsAfterFilter: boolean;
}

/** Everything create does in the container; what `start` still has to do (undefined: there is no process). */
function build(plan: InitPlan, handed: Handed, gate: () => void): Ready | undefined {
  const { spec } = plan;
  // what is read by a path of the runtime's mount namespace, before a joined one (or pivot_root) takes those paths
  // away: our executable, and the seccomp part's script
  const runtimeExe = statSync(process.execPath);
  const seccompScript = spec.linux?.seccomp ? loadSeccomp() : undefined;
  enterNamespaces(plan.threadNs);
  const consoleSock = spec.process?.terminal ? (handed.console ?? -1) : -1;
  for (const [key, value] of Object.entries(spec.linux?.sysctl ?? {})) {
    try {
      writeFileSync(`/proc/sys/${key.replace(/\./g, '/')}`, value);
    } catch (e) {
      throw new Error(`linux.sysctl ${key}=${value}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
    }
  }
  if (spec.hostname) check(sethostname(spec.hostname), 'sethostname', spec.hostname);
  if (spec.domainname) check(setdomainname(spec.domainname), 'setdomainname', spec.domainname);
  const rootfsPlan = { spec, bundle: plan.bundle, rootfs: plan.rootfs, terminal: spec.process?.terminal === true };
  prepareRootfs(rootfsPlan);
  gate();
  // hooks in the container's namespaces get its pid as seen there
  const failed = runHooks('createContainer', spec.hooks?.createContainer, { ...plan.state, pid: process.pid });
  if (failed[0]) throw new Error(failed[0].message);
  enterRootfs(rootfsPlan);
  if (!spec.process) return undefined;
  // a missing cwd is made (as runc does): the program then runs exactly where the config says
  try {
    mkdirSync(spec.process.cwd, { recursive: true });
    process.chdir(spec.process.cwd);
    // a directory outside the root (reached through a descriptor's /proc/self/fd link) is unreachable: getcwd fails
    process.cwd();
  } catch (e) {
    throw new Error(`process.cwd ${spec.process.cwd}: ${(e as Error).message}`, { cause: e });
  }
  if (spec.process.terminal) setupTerminal(consoleSock, spec.process.consoleSize);
  const program = resolveProgram(spec.process, runtimeExe);
  applyProcessAttributes(spec.process, spec.linux);
  const seccomp: Ready['seccomp'] =
    seccompScript && spec.linux?.seccomp ? { compiled: seccompScript.compileSeccomp(seccompScript.seccompAsOf(spec.linux.seccomp, spec.ociVersion)), script: seccompScript } : undefined;
  // Without no_new_privs a filter can only be installed while we still hold CAP_SYS_ADMIN: before the credentials.
  const credentialsAfterFilter = seccomp !== undefined && spec.process.noNewPrivileges !== true;
  return { program, seccomp, credentialsAfterFilter };
}

const FLAG: Record<ThreadNamespace, number> = { mount: CLONE_NEWNS, uts: CLONE_NEWUTS, ipc: CLONE_NEWIPC, network: CLONE_NEWNET, cgroup: CLONE_NEWCGROUP };

/**
 * Moves this thread, the one that builds the root and calls execve, into the namespaces of `ns`: the joined ones
 * first, then new ones made in one unshare. Namespaces are per thread (Node's other threads keep the runtime's and
 * are gone at execve), and hooks and the program started from this thread get its own. Every path is opened before
 * the first setns, as joining a mount namespace changes what a path names. A mount namespace, made or joined, needs
 * a thread that shares its fs_struct (root, cwd, umask) with no other: this one takes a copy first (unshare
 * CLONE_FS). A new cgroup namespace is rooted where create placed us, which it did before sending the plan.
 */
function enterNamespaces(ns: InitPlan['threadNs']): void {
  const fds: [ThreadNamespace, number][] = [];
  try {
    for (const [type, path] of ns.join) fds.push([type, check(open(path, O_RDONLY | O_CLOEXEC), 'open', `linux.namespaces ${type} path ${path}`)]);
    if (ns.create.includes('mount') || ns.join.some(([t]) => t === 'mount')) check(unshare(CLONE_FS), 'unshare', 'CLONE_FS (for a mount namespace of our own)');
    for (const [type, fd] of fds) check(setns(fd, FLAG[type]), 'setns', `linux.namespaces ${type} path ${ns.join.find(([t]) => t === type)![1]}`);
    const flags = ns.create.reduce((f, t) => f | FLAG[t], 0);
    if (flags !== 0) check(unshare(flags), 'unshare', `new namespaces (${ns.create.join(', ')})`);
  } finally {
    for (const [, fd] of fds) close(fd);
  }
}

function startProgram(plan: InitPlan, ready: Ready | undefined, handed: Handed): void {
  const { spec } = plan;
  if (!ready || !spec.process) throw new Error('config.json has no process to start');
  const { program, seccomp } = ready;
  const failed = runHooks('startContainer', spec.hooks?.startContainer, { ...plan.state, status: 'created', pid: process.pid });
  if (failed[0]) throw new Error(failed[0].message);
  // descriptors and signals as a new program expects them, before the filter that may forbid these calls
  resetSignals();
  cloexecFrom(3);
  for (const fd of [0, 1, 2]) {
    fcntl(fd, F_SETFD, 0);
    const fl = fcntl(fd, F_GETFL);
    if (fl >= 0 && fl & O_NONBLOCK) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  }
  if (ready.credentialsAfterFilter) {
    listen(plan, seccomp!.script.installSeccomp(seccomp!.compiled), handed, seccomp!.script);
    applyCredentials(spec.process);
  }
  applyRlimits(spec.process);
  // with no_new_privs, as close to execve as possible: the filter binds the fewest of our own calls
  if (seccomp && !ready.credentialsAfterFilter) listen(plan, seccomp.script.installSeccomp(seccomp.compiled), handed, seccomp.script);
  execve(program.path, program.args, program.env);
  throw new SysError('execve', errno(), program.path);
}

function listen(plan: InitPlan, fd: number, handed: Handed, script: SeccompScript): void {
  const s: Spec = plan.spec;
  if (fd < 0 || handed.listener === undefined) return;
  script.sendListener(handed.listener, fd, {
    ociVersion: s.ociVersion,
    fds: ['seccompFd'],
    pid: plan.state.pid,
    metadata: s.linux?.seccomp?.listenerMetadata ?? '',
    state: { ...plan.state, status: 'created' },
  });
  close(fd);
}

/**
 * The init's process. dist/oci-ts-runtime-init.cjs runs it from its code-cached script with `scripts`, the scripts
 * beside it: the seccomp part is run from its own script then, only for a config with linux.seccomp (its compiler
 * and syscall tables are a third of the init). From the TypeScript source (create started the init through tsx) it
 * is imported before anything else, as the init is synchronous from its first message on.
 */
export function run(_argv: readonly string[] = [], scripts?: CodeCache): void {
  if (scripts) {
    loadSeccomp = () => {
      const loaded = scripts.run(SECCOMP_SCRIPT) as SeccompScript | undefined;
      if (!loaded) throw new Error(`${join(dirname(fileURLToPath(import.meta.url)), `${SECCOMP_SCRIPT}.js`)} is missing: run npm run build`);
      return loaded;
    };
    guarded();
    return;
  }
  import('./seccomp/script.js').then(
    (m) => {
      loadSeccomp = () => m;
      guarded();
    },
    () => process.exit(1),
  );
}

function guarded(): void {
  try {
    main();
  } catch {
    // before the plan came (the runtime died or sent nothing usable): nobody to tell, and nothing was made yet
    process.exit(1);
  }
}
