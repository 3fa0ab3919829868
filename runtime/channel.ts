/**
 * The messages between `create` (the runtime) and the container init, one
 * JSON object per line over a socketpair, the init's fd 3. Both sides are
 * synchronous: neither has anything else to do while it waits, and the init's
 * main thread must stay the one that later calls execve.
 */
import { readSync, writeSync } from 'node:fs';
import { EAGAIN, EINTR, libc, MSG_CMSG_CLOEXEC } from '../core/libc.js';
import type { NamespaceType, Spec, State } from './spec.js';

/** The namespace types a thread can make or join on its own (unshare, setns), which the init does (InitPlan.threadNs). */
export type ThreadNamespace = Extract<NamespaceType, 'mount' | 'uts' | 'ipc' | 'network' | 'cgroup'>;

export const CHANNEL_FD = 3;

/**
 * The descriptors create hands the init, sent over the channel with SCM_RIGHTS as its very first message (one
 * byte): the exec fifo's read and write ends (reading waits for `start`), exec.done (held until execve closes it),
 * and the connected console socket and seccomp listener socket when there are ones (the byte says which: bit 0
 * console, bit 1 listener). create opens them, so the init needs no access to the
 * runtime's directories (a container root mapped to another host uid has none); and they go to the init alone, not
 * to a helper that stays (`unshare --fork` waits beside the container for its whole life, holding what it inherited).
 */
export interface Handed {
  readonly fifoRead: number;
  readonly fifoWrite: number;
  readonly done: number;
  readonly console?: number;
  readonly listener?: number;
}

/** The init side: the handed descriptors (close-on-exec), blocking until they come. */
export function receiveHanded(fd = CHANNEL_FD): Handed {
  const data = Buffer.alloc(1);
  for (;;) {
    const r = libc().recvFds(fd, data, 5, MSG_CMSG_CLOEXEC);
    if (r.bytes < 0 && (libc().errno() === EAGAIN || libc().errno() === EINTR)) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      continue;
    }
    const [fifoRead, fifoWrite, done, ...rest] = r.fds;
    if (r.bytes !== 1 || fifoRead === undefined || fifoWrite === undefined || done === undefined) throw new Error('the runtime did not hand over the exec fifo');
    const which = data[0]!;
    const console = which & 1 ? rest.shift() : undefined;
    const listener = which & 2 ? rest.shift() : undefined;
    return { fifoRead, fifoWrite, done, ...(console !== undefined ? { console } : {}), ...(listener !== undefined ? { listener } : {}) };
  }
}

/** What the runtime sends first: everything the init needs. */
export interface InitPlan {
  spec: Spec;
  bundle: string;
  rootfs: string;
  /**
   * The namespaces the init's main thread makes (create) or joins by path (join) itself, in that order after its
   * cgroups are set: all but user, pid and time, which only a new process enters. A joined mount namespace is
   * another container's, without node and our scripts, and a made one would be entered by a program (util-linux
   * unshare) that costs an exec; the init starts in the runtime's and moves its own thread (namespaces are per
   * thread; Node's other threads keep the runtime's and are gone at execve).
   */
  threadNs: { create: ThreadNamespace[]; join: [ThreadNamespace, string][] };
  /** The state document as hooks get it (status creating; container hooks get their own pid). */
  state: State;
}

export type ToInit = { t: 'plan'; plan: InitPlan } | { t: 'go' } | { t: 'abort' };
export type FromInit = { t: 'hello'; pid: number } | { t: 'hooks' } | { t: 'created'; warnings: string[] } | { t: 'error'; message: string };

/** Sends one message. */
export function send(msg: FromInit | ToInit, fd = CHANNEL_FD): void {
  const b = Buffer.from(JSON.stringify(msg) + '\n');
  for (let off = 0; off < b.length; ) off += writeSync(fd, b, off);
}

let pending = '';

/** Reads one message, blocking; undefined at the end of the channel (the other side is gone). */
export function receive<T extends ToInit | FromInit>(fd = CHANNEL_FD): T | undefined {
  const buf = Buffer.alloc(65536);
  for (;;) {
    const nl = pending.indexOf('\n');
    if (nl >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      return JSON.parse(line) as T;
    }
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' || code === 'EINTR') continue;
      if (code === 'ECONNRESET') return undefined;
      throw e;
    }
    if (n === 0) return undefined;
    pending += buf.toString('utf8', 0, n);
  }
}
