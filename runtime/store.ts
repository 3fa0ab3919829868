/**
 * Where containers live between commands: one directory per container under
 * the root (`--root`, default /run/oci-ts-runtime), holding the record
 * (container.json), the config as create read it (config.json: later changes
 * to the bundle are ignored), the exec fifo and the init's error file. A
 * command that changes a container holds its lock, so two commands on one
 * container never interleave.
 *
 * The lock is a file, `lock`, that appears whole (written under the holder's
 * own name, then linked, which fails while another exists) and names its holder
 * by pid and start time; release unlinks it. The kernel's flock would go with a
 * killed holder by itself, but Node has no flock, and loading the libc binding
 * for it cost start and delete some 5 ms each. A killed holder's file stays:
 * the next command sees that its process is gone (or its pid reused) and
 * breaks it, under a flock on the directory, taken only on that rare path, so
 * two breakers can't remove each other's fresh lock (only a breaker ever
 * removes a file that is not its own). Liveness is read from /proc, so the
 * commands on one root must share a pid namespace, as they must anyway to
 * signal the container's process.
 */
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, flock, LOCK_EX } from './libc.js';
import type { HookKind, Hook, State } from './spec.js';

export const DEFAULT_ROOT = '/run/oci-ts-runtime';

/** What create wrote and later commands read. */
export interface ContainerRecord {
  id: string;
  /** Absolute bundle path. */
  bundle: string;
  ociVersion: string;
  annotations?: Record<string, string>;
  /** The container process (host pid) and its start time (field 22 of /proc/<pid>/stat), once created. */
  pid?: number;
  startTime?: string;
  /** create is done (the init waits at the fifo). */
  created: boolean;
  /**
   * start released the init. Not written by start (a record written again costs a rename, and on ext4 replacing a
   * file by rename flushes it): read() derives it from the exec fifo, which start removes before it releases.
   */
  started: boolean;
  /**
   * The pid of the create command while it runs (a dead creator with created false means a broken create); create in
   * place names its launcher, and keeps it once created (create-in-place.ts cleanUpInPlace recognises its own by it).
   */
  creator?: number;
  /** create run in place reached its hooks: a failure from there on is followed by the poststop hooks (create.ts). */
  hooksRan?: boolean;
  /** What createCgroups made (runtime/cgroups), for delete. */
  cgroups?: unknown;
  hooks?: Partial<Record<HookKind, Hook[]>>;
  /** config.process is absent: start must fail. */
  noProcess?: boolean;
}

/** Marks a RuntimeError, whichever copy of this module made it (see RuntimeError). */
const RUNTIME_ERROR = Symbol.for('oci-ts-runtime.RuntimeError');

/**
 * A failure the user caused or must know about: printed as one line, exit 1.
 *
 * Each code-cached script of the command line (dist/oci-ts-runtime.js and dist/oci-ts-runtime-create.js,
 * scripts/build.ts) bundles its own copy of this module, so one process can hold two RuntimeError classes: an error
 * that create's script throws is no instance of the main script's class by its prototype. `instanceof RuntimeError`
 * therefore checks a mark every copy sets (a subclass, such as main.ts's Usage, is still checked by its prototype).
 */
export class RuntimeError extends Error {
  override name = 'RuntimeError';
  readonly [RUNTIME_ERROR] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== RuntimeError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as { [RUNTIME_ERROR]?: unknown })[RUNTIME_ERROR] === true;
  }
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.+-]*$/;

export class Store {
  /** `onBusy` is told once per wait, with the holder's pid, when a lock is held by a live command. */
  constructor(
    readonly root: string,
    private readonly onBusy?: (holder: number) => void,
  ) {}

  dir(id: string): string {
    if (!ID.test(id) || id.length > 1024) throw new RuntimeError(`invalid container id ${JSON.stringify(id)}: letters, digits and _ . + - only`);
    return join(this.root, id);
  }

  /** A new container directory, locked (by `owner`: create run in place holds it for its launcher); an error if the id is taken. */
  createLocked(id: string, owner = process.pid): Locked {
    const dir = this.dir(id);
    mkdirSync(this.root, { recursive: true, mode: 0o711 });
    try {
      mkdirSync(dir, { mode: 0o711 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new RuntimeError(`container ${id} already exists`);
      throw e;
    }
    return lockDir(id, dir, this.onBusy, owner);
  }

  /** An existing container's directory, locked, with its record. */
  openLocked(id: string): Locked & { record: ContainerRecord } {
    const dir = this.dir(id);
    let l: Locked;
    try {
      l = lockDir(id, dir, this.onBusy);
    } catch (e) {
      // gone before we came, or deleted while we waited for the lock
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new RuntimeError(`container ${id} does not exist`);
      throw e;
    }
    try {
      return Object.assign(l, { record: this.read(id) });
    } catch (e) {
      l.release();
      throw e;
    }
  }

  read(id: string): ContainerRecord {
    // an invalid id is refused as such, not as an unreadable record
    const dir = this.dir(id);
    try {
      const rec = JSON.parse(readFileSync(join(dir, 'container.json'), 'utf8')) as ContainerRecord;
      if (rec.created && !rec.started && !existsSync(join(dir, 'exec.fifo'))) rec.started = true;
      return rec;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new RuntimeError(`container ${id} does not exist`);
      throw new RuntimeError(`container ${id}: its record can't be read: ${(e as Error).message}`);
    }
  }

  write(rec: ContainerRecord): void {
    const dir = this.dir(rec.id);
    writeFileSync(join(dir, 'container.json.tmp'), JSON.stringify(rec));
    renameSync(join(dir, 'container.json.tmp'), join(dir, 'container.json'));
  }

  /**
   * Removes the container's directory: its files one by one (it holds files only), the directory last; whatever
   * that can't take (a directory put there by hand, a lock linked in meanwhile) goes by rmSync's recursive walk,
   * which is not the first choice because its first call loads Node's rimraf code (some 2 ms of every delete).
   */
  remove(id: string): void {
    const dir = this.dir(id);
    try {
      for (const name of readdirSync(dir)) unlinkQuietly(join(dir, name));
      rmdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

export interface Locked {
  readonly id: string;
  readonly dir: string;
  release(): void;
}

const LOCK = 'lock';
const SLEEP = new Int32Array(new SharedArrayBuffer(4));

/** Takes the lock of `dir`, waiting while a live command holds it; ENOENT when the directory is (or goes) away. */
function lockDir(id: string, dir: string, onBusy?: (holder: number) => void, owner = process.pid): Locked {
  const lock = join(dir, LOCK);
  const mine = join(dir, `${LOCK}.${owner}`);
  const start = processStartTime(owner);
  if (start === undefined) throw new RuntimeError(`/proc/${owner}/stat can not be read: oci-ts-runtime needs /proc`);
  const me = `${owner} ${start}`;
  let told = false;
  for (let i = 0; ; i++) {
    // a file of this name left by a killed command whose pid we now have is no one's: overwritten
    writeFileSync(mine, me);
    try {
      linkSync(mine, lock);
      unlinkSync(mine);
      return { id, dir, release: () => unlinkQuietly(lock) };
    } catch (e) {
      unlinkQuietly(mine);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(lock);
    if (holder === undefined) continue; // released meanwhile
    if (holderAlive(holder)) {
      if (!told) onBusy?.(Number(holder.split(' ')[0]));
      told = true;
      Atomics.wait(SLEEP, 0, 0, i < 100 ? 1 : 5);
      continue;
    }
    breakStale(dir, lock, holder);
  }
}

function readHolder(lock: string): string | undefined {
  try {
    return readFileSync(lock, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function holderAlive(holder: string): boolean {
  const [pid, start] = holder.split(' ');
  return /^\d+$/.test(pid ?? '') && processStartTime(Number(pid)) === start;
}

/** Removes the lock a dead command left, if it is still that one (decided under the directory's flock). */
function breakStale(dir: string, lock: string, holder: string): void {
  const fd = openSync(dir, 'r');
  try {
    check(flock(fd, LOCK_EX), 'flock', dir);
    if (readHolder(lock) === holder) unlinkQuietly(lock);
  } finally {
    closeSync(fd);
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/** The start time of a process (clock ticks since boot), or undefined when it is gone or a zombie. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (rest[0] === 'Z' || rest[0] === 'X') return undefined;
    return rest[19];
  } catch {
    return undefined;
  }
}

/** The record's process is alive (same pid, same start time: not a reused pid). */
export function alive(rec: ContainerRecord): boolean {
  return rec.pid !== undefined && rec.startTime !== undefined && processStartTime(rec.pid) === rec.startTime;
}

export function creatorAlive(rec: ContainerRecord): boolean {
  return rec.creator !== undefined && processStartTime(rec.creator) !== undefined;
}

export function statusOf(rec: ContainerRecord): State['status'] {
  if (!rec.created) return creatorAlive(rec) ? 'creating' : 'stopped';
  if (!alive(rec)) return 'stopped';
  return rec.started ? 'running' : 'created';
}

/** The state document of runtime.md. */
export function stateOf(rec: ContainerRecord): State {
  const status = statusOf(rec);
  const s: State = { ociVersion: rec.ociVersion, id: rec.id, status, bundle: rec.bundle };
  if ((status === 'created' || status === 'running') && rec.pid !== undefined) s.pid = rec.pid;
  if (rec.annotations && Object.keys(rec.annotations).length > 0) s.annotations = rec.annotations;
  return s;
}

