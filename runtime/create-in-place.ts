/**
 * `create` in place: the command becomes the container's init itself, so a
 * create is one Node start instead of two (create.ts starts a second Node for
 * the init, after the first has read the config: 60 of its 160 ms here).
 *
 * A process is PID 1 of a pid namespace only if it was started in it, and
 * create's caller waits for the process it started to exit, which the init
 * must outlive. So the launcher (bin/oci-ts-runtime.js, a shell script) starts
 * the command as `unshare --pid --fork node …` in the background with a pipe
 * on fd 9, and exits with the outcome told on it: a config that wants a new pid
 * namespace and nothing that needs the runtime's own namespaces at create is
 * built here; any other is told back ("elsewhere") before anything exists, and
 * the launcher runs create.ts's create instead:
 * - a user or time namespace (entered only by a single-threaded process, or
 *   applying to children only) or a pid namespace joined by path;
 * - prestart and createRuntime hooks, which run in the runtime's namespaces,
 *   pid included, which this process has left;
 * - a terminal (the console socket) or a seccomp listener, a config without a
 *   process.
 *
 * The container is made as the init makes it (init/main.ts becomeContainer),
 * by this process's main thread. Two things differ. What create writes at the
 * end (the record, the pid file, the lock's release) is written through
 * directory descriptors opened before pivot_root takes the paths away, and
 * before the credentials, which the container may drop below the runtime's.
 * And a failure after the container's cgroups exist can't be cleaned up from
 * inside them: the launcher runs `create` once more with CLEAN_UP_ENV, which
 * removes what this one made (cleanUpInPlace).
 */
import { closeSync, mkdirSync, readlinkSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Handed, InitPlan } from './channel.js';
import { applyResources, emptyAndRemoveCgroups, makeCgroups, placeInCgroups, planCgroups } from './cgroups/index.js';
import { handOver, newRecord, readBundle, refuseEarly, threadNamespaces, type CreateOptions } from './create.js';
import { runHooks } from './hooks.js';
import { applyCredentialsNow, becomeContainer, becomeInit, useSeccompScript } from './init/main.js';
import { check, close, mkfifo, O_CLOEXEC, O_CREAT, O_DIRECTORY, O_RDONLY, O_TRUNC, O_WRONLY, open, openat, read, renameat, setsid, unlinkat } from './libc.js';
import { has, type NamespacePlan } from './namespaces.js';
import type { Spec, State } from './spec.js';
import { processStartTime, RuntimeError, type ContainerRecord, type Store } from './store.js';

/** The launcher's pid and the pipe (fd) the outcome is told on. */
export interface Launcher {
  readonly pid: number;
  tell(outcome: number): void;
}

/** The outcomes told to the launcher, one line each; any other number is the exit status of a failed create. */
export const OUTCOME = { created: 0, cleanUp: 70, elsewhere: 75 } as const;

/** Why this config is made by create.ts's create and not here (undefined: here). */
export function notInPlace(spec: Spec, ns: NamespacePlan, o: CreateOptions): string | undefined {
  if (process.pid !== 1) return 'not started as PID 1 of a new pid namespace';
  if (!ns.create.has('pid')) return 'no new pid namespace';
  if (has(ns, 'user') || has(ns, 'time')) return 'a user or time namespace';
  if (spec.hooks?.prestart?.length || spec.hooks?.createRuntime?.length) return 'hooks in the runtime namespace';
  if (!spec.process || spec.process.terminal || o.consoleSocket) return 'no process, or a terminal';
  if (spec.linux?.seccomp?.listenerPath) return 'a seccomp listener';
  return undefined;
}

/** create in place; returns (with the exit status) only when it failed or the config is made elsewhere. */
export async function createInPlace(store: Store, id: string, o: CreateOptions, warn: (m: string) => void, launcher: Launcher, report: (e: unknown) => number): Promise<number> {
  let made = false;
  try {
    const { bundle, spec, rootfs } = readBundle(o.bundle);
    const { ns, warnings } = refuseEarly(spec, bundle, o);
    if (notInPlace(spec, ns, o) !== undefined) {
      launcher.tell(OUTCOME.elsewhere);
      return 0;
    }
    for (const w of warnings) warn(w);
    // the seccomp part is in this script (create checks filters with it)
    if (spec.linux?.seccomp) useSeccompScript(await import('./init/seccomp/script.js'));
    // a session of our own, as create.ts gives the init: a signal to the caller's process group is not ours
    check(setsid(), 'setsid');
    becomeInit();
    const launcherDir = check(open(`/proc/${launcher.pid}`, O_RDONLY | O_DIRECTORY | O_CLOEXEC), 'open', `/proc/${launcher.pid}`);
    const lock = store.createLocked(id, launcher.pid);
    made = true;
    // the host's procfs: our pid as the runtime's commands see it
    const self = Number(readlinkSync('/proc/self'));
    const rec = newRecord(id, bundle, spec, launcher.pid);
    writeFileSync(join(lock.dir, 'config.json'), JSON.stringify(spec));
    store.write(rec);
    for (const f of ['exec.fifo', 'exec.done']) check(mkfifo(join(lock.dir, f), 0o600), 'mkfifo', f);
    const [fifoRead, fifoWrite, done] = handOver(lock.dir, undefined, undefined) as [number, number, number];
    const handed: Handed = { fifoRead, fifoWrite, done };
    rec.cgroups = makeCgroups(planCgroups(spec.linux?.cgroupsPath, id));
    store.write(rec);
    applyResources(rec.cgroups as never, spec.linux?.resources, spec);
    // a pid written to cgroup.procs is read in the writer's pid namespace: ours is 1 here
    placeInCgroups(rec.cgroups as never, process.pid);
    const state: State = { ociVersion: spec.ociVersion, id, status: 'creating', pid: self, bundle, ...(spec.annotations ? { annotations: spec.annotations } : {}) };
    const startTime = processStartTime(self);
    const finish = finisher(lock.dir, o.pidFile, () => ({ ...rec, pid: self, startTime, created: true }), launcherDir);
    const plan: InitPlan = { spec, bundle, rootfs, threadNs: threadNamespaces(ns, false), state };
    return becomeContainer(plan, handed, {
      gate: () => {
        // from here a failure is followed by the poststop hooks, as create.ts's is after its hooks
        if (spec.hooks?.poststop?.length) {
          rec.hooksRan = true;
          store.write(rec);
        }
      },
      created: (ready) => {
        finish();
        applyCredentialsNow(plan, ready);
        launcher.tell(OUTCOME.created);
      },
      failed: (message) => {
        report(new RuntimeError(message));
        launcher.tell(OUTCOME.cleanUp);
      },
    });
  } catch (e) {
    const code = report(e instanceof RuntimeError ? e : new RuntimeError((e as Error).message));
    launcher.tell(made ? OUTCOME.cleanUp : code);
    return code;
  }
}

/**
 * What create writes once the container is built, prepared while the paths are ours: the record (created), the pid
 * file, the lock's release, through descriptors of their directories. If the launcher is gone by then (create was
 * killed), the container is not finished: we exit, and the record stays a broken create's (state: stopped).
 */
function finisher(dir: string, pidFile: string | undefined, finalRecord: () => ContainerRecord, launcherDir: number): () => void {
  const dirFd = check(open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), 'open', dir);
  let pidDir = -1;
  let pidName = '';
  if (pidFile) {
    const abs = resolve(pidFile);
    mkdirSync(dirname(abs), { recursive: true });
    pidDir = check(open(dirname(abs), O_RDONLY | O_DIRECTORY | O_CLOEXEC), 'open', dirname(abs));
    pidName = basename(abs);
  }
  return () => {
    if (!alive(launcherDir)) process.exit(1);
    const final = finalRecord();
    writeAt(dirFd, 'container.json', JSON.stringify(final));
    if (pidDir >= 0) writeAt(pidDir, pidName, String(final.pid));
    check(unlinkat(dirFd, 'lock', 0), 'unlinkat', join(dir, 'lock'));
    for (const fd of [dirFd, pidDir, launcherDir]) if (fd >= 0) close(fd);
  };
}

/** A file written whole: under a temporary name, then renamed over. */
function writeAt(dirFd: number, name: string, text: string): void {
  const fd = check(openat(dirFd, `${name}.tmp`, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644), 'openat', `${name}.tmp`);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  check(renameat(dirFd, `${name}.tmp`, dirFd, name), 'renameat', name);
}

/** The process of a /proc/<pid> directory descriptor is alive (a gone one's files can't be read; a zombie's state is Z). */
function alive(procDir: number): boolean {
  const fd = openat(procDir, 'stat', O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  try {
    const b = Buffer.alloc(1024);
    const n = read(fd, b);
    if (n <= 0) return false;
    const stat = b.toString('latin1', 0, n);
    const s = stat[stat.lastIndexOf(')') + 2];
    return s !== 'Z' && s !== 'X';
  } finally {
    close(fd);
  }
}

/**
 * After create in place failed with its container's cgroups made (OUTCOME.cleanUp): the launcher runs the same
 * command line again with CLEAN_UP_ENV, in the runtime's namespaces, and this removes what that create made (its
 * record names the launcher, this process, as creator): what is left in its cgroups, the cgroups, the poststop
 * hooks if it reached its hooks, the state directory, the pid file.
 */
export function cleanUpInPlace(store: Store, id: string, pidFile: string | undefined, warn: (m: string) => void): void {
  let rec: ContainerRecord;
  try {
    rec = store.read(id);
  } catch {
    return;
  }
  if (rec.creator !== process.pid) return;
  if (rec.cgroups) emptyAndRemoveCgroups(rec.cgroups as never);
  if (rec.hooksRan) {
    const stopped: State = { ociVersion: rec.ociVersion, id, status: 'stopped', bundle: rec.bundle, ...(rec.annotations ? { annotations: rec.annotations } : {}) };
    for (const f of runHooks('poststop', rec.hooks?.poststop, stopped, true)) warn(f.message);
  }
  store.remove(id);
  if (pidFile) rmSync(resolve(pidFile), { force: true });
}
