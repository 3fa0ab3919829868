/**
 * The libc functions and constants oci-ts-runtime uses, declared once through
 * koffi (core/libc.ts loads it), so that the rest of the runtime reads as
 * ordinary TypeScript. Calls return libc's own result (-1 on failure); `check`
 * turns a failed one into an Error naming the call and errno. System calls
 * glibc has no wrapper for go through `syscall` with their numbers (x86_64 and
 * aarch64 differ: SYS below).
 *
 * Sections by user: lifecycle (runtime/*.ts and init/main.ts), rootfs
 * (init/rootfs.ts), credentials (init/process.ts), seccomp (init/seccomp/).
 */
import { koffi, libcLibrary, structOnce } from '../core/libc.js';

const X64 = process.arch === 'x64';

/** System call numbers used through syscall(2), by architecture (x86_64 / aarch64). */
export const SYS = {
  pivot_root: X64 ? 155 : 41,
  capget: X64 ? 125 : 90,
  capset: X64 ? 126 : 91,
  seccomp: X64 ? 317 : 277,
  ioprio_set: X64 ? 251 : 30,
  sched_setattr: X64 ? 314 : 274,
  open_tree: 428,
  move_mount: 429,
  mount_setattr: 442,
  close_range: 436,
  pidfd_open: 434,
  pidfd_send_signal: 424,
} as const;

export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_NONBLOCK = 0o4000;
export const O_CLOEXEC = 0o2000000;
export const O_DIRECTORY = 0o200000;
export const O_NOFOLLOW = 0o400000;
export const O_PATH = 0o10000000;
export const O_NOCTTY = 0o400;
export const F_GETFD = 1;
export const F_SETFD = 2;
export const F_GETFL = 3;
export const F_SETFL = 4;
export const FD_CLOEXEC = 1;
export const LOCK_EX = 2;
export const LOCK_NB = 4;
export const CLOSE_RANGE_CLOEXEC = 4;

export const CLONE_FS = 0x00000200;
export const CLONE_NEWNS = 0x00020000;
export const CLONE_NEWCGROUP = 0x02000000;
export const CLONE_NEWUTS = 0x04000000;
export const CLONE_NEWIPC = 0x08000000;
export const CLONE_NEWUSER = 0x10000000;
export const CLONE_NEWPID = 0x20000000;
export const CLONE_NEWNET = 0x40000000;
export const CLONE_NEWTIME = 0x00000080;

export const EPERM = 1;
export const ENOENT = 2;
export const EINTR = 4;
export const EAGAIN = 11;
export const EEXIST = 17;
export const EINVAL = 22;
export const ENOSYS = 38;
export const EWOULDBLOCK = EAGAIN;

/** A failed libc call: `errno` and the call's name with what it was given. */
export class SysError extends Error {
  constructor(
    readonly call: string,
    readonly errno: number,
    detail = '',
  ) {
    super(`${call}${detail ? ` ${detail}` : ''}: ${strerror(errno)} (errno ${errno})`);
    this.name = 'SysError';
  }
}

type Fn = (...args: unknown[]) => unknown;
const declared = new Map<string, Fn>();

/** One libc function, declared on its first use (a runtime command declares only what it calls). */
function fn(prototype: string): Fn {
  let f = declared.get(prototype);
  if (!f) {
    f = libcLibrary().func(prototype) as Fn;
    declared.set(prototype, f);
  }
  return f;
}

export function errno(): number {
  return koffi().errno();
}

export function strerror(e: number): string {
  return fn('const char *strerror(int errnum)')(e) as string;
}

/** The result of a call that returns -1 on failure, or a SysError naming it. */
export function check(result: number | bigint, call: string, detail?: string): number {
  const n = Number(result);
  if (n === -1) throw new SysError(call, errno(), detail);
  return n;
}

/** syscall(2): `args` as [type, value] pairs, e.g. ['int', 3], ['void *', buf], ['str', path]. */
export function syscall(nr: number, ...args: [string, unknown][]): number {
  return Number(fn('long syscall(long nr, ...)')(nr, ...args.flat()));
}

// ---- lifecycle: files, descriptors, namespaces, signals, exec ----

export function open(path: string, flags: number, mode = 0): number {
  return fn('int open(const char *path, int flags, ...)')(path, flags, 'uint32', mode) as number;
}

export function close(fd: number): number {
  return fn('int close(int fd)')(fd) as number;
}

export function read(fd: number, buf: Buffer, len = buf.length): number {
  return Number(fn('long read(int fd, _Out_ uint8_t *buf, size_t len)')(fd, buf, len));
}

export function write(fd: number, buf: Buffer): number {
  return Number(fn('long write(int fd, const uint8_t *buf, size_t len)')(fd, buf, buf.length));
}

export function fcntl(fd: number, cmd: number, arg?: number): number {
  const f = fn('int fcntl(int fd, int cmd, ...)');
  return (arg === undefined ? f(fd, cmd) : f(fd, cmd, 'int', arg)) as number;
}

export function flock(fd: number, op: number): number {
  return fn('int flock(int fd, int op)')(fd, op) as number;
}

export function setns(fd: number, nstype: number): number {
  return fn('int setns(int fd, int nstype)')(fd, nstype) as number;
}

export function unshare(flags: number): number {
  return fn('int unshare(int flags)')(flags) as number;
}

export function mkfifo(path: string, mode: number): number {
  return fn('int mkfifo(const char *path, uint32 mode)')(path, mode) as number;
}

export function kill(pid: number, sig: number): number {
  return fn('int kill(int pid, int sig)')(pid, sig) as number;
}

export function setsid(): number {
  return fn('int setsid(void)')() as number;
}

export function ioctl(fd: number, request: number, arg: Buffer | number | null): number {
  const f = fn('int ioctl(int fd, unsigned long request, ...)');
  return (typeof arg === 'number' ? f(fd, request, 'int', arg) : f(fd, request, 'void *', arg)) as number;
}

export function sethostname(name: string): number {
  const b = Buffer.from(name);
  return fn('int sethostname(const uint8_t *name, size_t len)')(b, b.length) as number;
}

export function setdomainname(name: string): number {
  const b = Buffer.from(name);
  return fn('int setdomainname(const uint8_t *name, size_t len)')(b, b.length) as number;
}

/** Every descriptor from `first` up is closed at the next execve (close_range(2) with CLOSE_RANGE_CLOEXEC). */
export function cloexecFrom(first: number): number {
  return syscall(SYS.close_range, ['unsigned int', first], ['unsigned int', 0xffffffff], ['unsigned int', CLOSE_RANGE_CLOEXEC]);
}

/** execve(2): returns only on failure. */
export function execve(path: string, argv: readonly string[], envp: readonly string[]): number {
  return fn('int execve(const char *path, const char **argv, const char **envp)')(path, [...argv, null], [...envp, null]) as number;
}

/** connect(2) of a unix stream socket to `path`; the socket, or -1. */
export function connectUnix(path: string): number {
  const sock = fn('int socket(int, int, int)')(1, 1 | O_CLOEXEC, 0) as number;
  if (sock < 0) return -1;
  const name = Buffer.from(path);
  if (name.length > 107) throw new Error(`unix socket path too long (${name.length} bytes, at most 107): ${path}`);
  const addr = Buffer.alloc(2 + name.length + 1);
  addr.writeUInt16LE(1, 0);
  name.copy(addr, 2);
  if ((fn('int connect(int, const void *addr, uint32 len)')(sock, addr, addr.length) as number) < 0) {
    const e = errno();
    close(sock);
    throw new SysError('connect', e, path);
  }
  return sock;
}

/** sendmsg(2) of `data` with the descriptors `fds` (SCM_RIGHTS). */
export function sendFds(sock: number, data: Buffer, fds: readonly number[]): number {
  if (!declared.has('oc_msghdr_send')) {
    structOnce('ort_iovec', { iov_base: 'void *', iov_len: 'size_t' });
    structOnce('ort_msghdr', {
      msg_name: 'void *',
      msg_namelen: 'uint32',
      msg_iov: 'ort_iovec *',
      msg_iovlen: 'size_t',
      msg_control: 'void *',
      msg_controllen: 'size_t',
      msg_flags: 'int',
    });
    declared.set('oc_msghdr_send', () => 0);
  }
  const space = 16 + Math.ceil((4 * fds.length) / 8) * 8;
  const control = Buffer.alloc(space);
  control.writeBigUInt64LE(BigInt(16 + 4 * fds.length), 0);
  control.writeInt32LE(1, 8); // SOL_SOCKET
  control.writeInt32LE(1, 12); // SCM_RIGHTS
  fds.forEach((fd, i) => control.writeInt32LE(fd, 16 + 4 * i));
  const msg = { msg_name: null, msg_namelen: 0, msg_iov: [{ iov_base: data, iov_len: data.length }], msg_iovlen: 1, msg_control: control, msg_controllen: space, msg_flags: 0 };
  return Number(fn('long sendmsg(int fd, const ort_msghdr *msg, int flags)')(sock, msg, 0));
}

/** socketpair(2) of unix stream sockets, both ends close-on-exec. */
export function socketpair(): [number, number] {
  const sv = new Int32Array(2);
  check(fn('int socketpair(int domain, int type, int protocol, _Out_ int *sv)')(1, 1 | O_CLOEXEC, 0, sv) as number, 'socketpair');
  return [sv[0]!, sv[1]!];
}

/** pipe2(2), both ends close-on-exec: [read, write]. */
export function pipe(): [number, number] {
  const fds = new Int32Array(2);
  check(fn('int pipe2(_Out_ int *fds, int flags)')(fds, O_CLOEXEC) as number, 'pipe2');
  return [fds[0]!, fds[1]!];
}

export interface SpawnOptions {
  /** Descriptors the child gets: [its fd, ours]; ours may be close-on-exec. The child's fds must not be any of ours. */
  readonly fds?: readonly (readonly [number, number])[];
  /** The child's descriptors opened on /dev/null. */
  readonly devNull?: readonly number[];
  /** The child's working directory (when libc has posix_spawn_file_actions_addchdir_np). */
  readonly cwd?: string;
  /** A session (and process group) of its own, as setsid(2). */
  readonly setsid?: boolean;
}

const POSIX_SPAWN_SETSIGDEF = 0x04;
const POSIX_SPAWN_SETSIGMASK = 0x08;
const POSIX_SPAWN_SETSID = 0x80;
const F_DUPFD_CLOEXEC = 1030;

/** The posix_spawn family returns an error number instead of setting errno. */
function spawnCheck(r: number, call: string): void {
  if (r !== 0) throw new SysError(call, r);
}

/**
 * posix_spawn(3): a child running `path` (no shell, no PATH search), every other descriptor of ours closed (they are
 * close-on-exec), every signal at its default action and none blocked, as child_process would start it, without
 * loading child_process (with net and the streams, some 10 ms of a command's start). libc forks with CLONE_VM|CLONE_VFORK,
 * which is sound in a multithreaded process; a pid and time namespace this thread made for its children applies.
 * The child's pid, or a SysError (a program that can't be executed is one too).
 */
export function spawnProcess(path: string, argv: readonly string[], envp: readonly string[], o: SpawnOptions = {}): number {
  // glibc's posix_spawn_file_actions_t is 80 bytes, posix_spawnattr_t 336: room to spare
  const actions = Buffer.alloc(256);
  const attr = Buffer.alloc(512);
  spawnCheck(fn('int posix_spawn_file_actions_init(void *fa)')(actions) as number, 'posix_spawn_file_actions_init');
  const moved: number[] = [];
  try {
    spawnCheck(fn('int posix_spawnattr_init(void *attr)')(attr) as number, 'posix_spawnattr_init');
    let flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
    if (o.setsid) flags |= POSIX_SPAWN_SETSID;
    spawnCheck(fn('int posix_spawnattr_setflags(void *attr, short flags)')(attr, flags) as number, 'posix_spawnattr_setflags');
    // every signal to its default (sigaction of SIGKILL and SIGSTOP fails, and libc skips it), an empty mask
    spawnCheck(fn('int posix_spawnattr_setsigdefault(void *attr, const void *set)')(attr, Buffer.alloc(128, 0xff)) as number, 'posix_spawnattr_setsigdefault');
    spawnCheck(fn('int posix_spawnattr_setsigmask(void *attr, const void *set)')(attr, Buffer.alloc(128)) as number, 'posix_spawnattr_setsigmask');
    for (const [target, ours] of o.fds ?? []) {
      // dup2 of a descriptor onto itself would leave it close-on-exec: move ours out of the way first
      let from = ours;
      if (from === target) {
        from = check(fcntl(ours, F_DUPFD_CLOEXEC, 64), 'fcntl F_DUPFD_CLOEXEC');
        moved.push(from);
      }
      spawnCheck(fn('int posix_spawn_file_actions_adddup2(void *fa, int fd, int newfd)')(actions, from, target) as number, 'posix_spawn_file_actions_adddup2');
    }
    for (const target of o.devNull ?? []) {
      spawnCheck(fn('int posix_spawn_file_actions_addopen(void *fa, int fd, const char *path, int oflag, uint32 mode)')(actions, target, '/dev/null', O_RDWR, 0) as number, 'posix_spawn_file_actions_addopen');
    }
    if (o.cwd !== undefined) {
      let addchdir: Fn | undefined;
      try {
        addchdir = fn('int posix_spawn_file_actions_addchdir_np(void *fa, const char *path)');
      } catch {
        // glibc before 2.29: the child starts where we are
      }
      if (addchdir) spawnCheck(addchdir(actions, o.cwd) as number, 'posix_spawn_file_actions_addchdir_np');
    }
    const pid = new Int32Array(1);
    const r = fn('int posix_spawn(_Out_ int *pid, const char *path, const void *fa, const void *attr, const char **argv, const char **envp)')(
      pid,
      path,
      actions,
      attr,
      [...argv, null],
      [...envp, null],
    ) as number;
    if (r !== 0) throw new SysError('posix_spawn', r, path);
    return pid[0]!;
  } finally {
    for (const fd of moved) close(fd);
    fn('int posix_spawn_file_actions_destroy(void *fa)')(actions);
    fn('int posix_spawnattr_destroy(void *attr)')(attr);
  }
}

export const WNOHANG = 1;

/** waitpid(2): the child's pid and its wait status, 0 (WNOHANG: still running), or -1. */
export function waitpid(pid: number, options: number): { pid: number; status: number } {
  const status = new Int32Array(1);
  for (;;) {
    const r = fn('int waitpid(int pid, _Out_ int *status, int options)')(pid, status, options) as number;
    if (r < 0 && errno() === EINTR) continue;
    return { pid: r, status: status[0]! };
  }
}

/** A wait status as runc and a shell report it: the exit status, or 128 + the signal. */
export function exitStatus(status: number): number {
  return (status & 0x7f) === 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
}

export function dup2(from: number, to: number): number {
  return fn('int dup2(int oldfd, int newfd)')(from, to) as number;
}

/** A bind mount of `source` on `target` (the console; the rootfs section has the general mount). */
export function bindMount(source: string, target: string): number {
  return fn('int mount(const char *source, const char *target, const char *fstype, unsigned long flags, const void *data)')(source, target, null, 4096, null) as number;
}

const SIGNAL = 'void *signal(int sig, void *handler)';

/**
 * Makes every catchable signal that would end a process end this one with _exit(2) (the signal's number as
 * status), through libc's own function as the handler: a PID 1 of a pid namespace ignores signals it has no
 * handler for, even SIGTERM from the host, and JavaScript can't run in a signal handler.
 */
export function exitOnSignals(signals: readonly number[]): void {
  const exitFn = fn('void *dlsym(void *handle, const char *symbol)')(null, '_exit');
  if (!exitFn) throw new Error('dlsym(_exit) failed');
  for (const s of signals) fn(SIGNAL)(s, exitFn);
}

/** Every signal back to its default action and none blocked, as a new program expects them (execve keeps ignored ones ignored). */
export function resetSignals(): void {
  const signal = fn(SIGNAL);
  for (let s = 1; s <= 64; s++) if (s !== 9 && s !== 19 && s !== 32 && s !== 33) signal(s, null);
  fn('int sigprocmask(int how, const uint8_t *set, _Out_ uint8_t *old)')(2, Buffer.alloc(128), null);
}

// ---- rootfs (init/rootfs.ts): mount, pivot_root, mknod, mount_setattr ----
export const MS_RDONLY = 1;
export const MS_NOSUID = 2;
export const MS_NODEV = 4;
export const MS_NOEXEC = 8;
export const MS_SYNCHRONOUS = 16;
export const MS_REMOUNT = 32;
export const MS_MANDLOCK = 64;
export const MS_DIRSYNC = 128;
export const MS_NOSYMFOLLOW = 256;
export const MS_NOATIME = 1024;
export const MS_NODIRATIME = 2048;
export const MS_BIND = 4096;
export const MS_REC = 16384;
export const MS_SILENT = 32768;
export const MS_UNBINDABLE = 1 << 17;
export const MS_PRIVATE = 1 << 18;
export const MS_SLAVE = 1 << 19;
export const MS_SHARED = 1 << 20;
export const MS_RELATIME = 1 << 21;
export const MS_I_VERSION = 1 << 23;
export const MS_STRICTATIME = 1 << 24;
export const MS_LAZYTIME = 1 << 25;
export const MNT_DETACH = 2;
export const MOUNT_ATTR_RDONLY = 0x1;
export const MOUNT_ATTR_NOSUID = 0x2;
export const MOUNT_ATTR_NODEV = 0x4;
export const MOUNT_ATTR_NOEXEC = 0x8;
export const MOUNT_ATTR__ATIME = 0x70;
export const MOUNT_ATTR_RELATIME = 0;
export const MOUNT_ATTR_NOATIME = 0x10;
export const MOUNT_ATTR_STRICTATIME = 0x20;
export const MOUNT_ATTR_NODIRATIME = 0x80;
export const MOUNT_ATTR_NOSYMFOLLOW = 0x200000;
export const AT_FDCWD = -100;
export const AT_SYMLINK_NOFOLLOW = 0x100;
export const AT_REMOVEDIR = 0x200;
export const AT_EMPTY_PATH = 0x1000;
export const AT_RECURSIVE = 0x8000;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_TRUNC = 0o1000;
export const S_IFMT = 0o170000;
export const S_IFIFO = 0o010000;
export const S_IFCHR = 0o020000;
export const S_IFDIR = 0o040000;
export const S_IFBLK = 0o060000;
export const S_IFREG = 0o100000;
export const S_IFLNK = 0o120000;
export const ENOTDIR = 20;
export const ELOOP = 40;

export function mount(source: string | null, target: string, fstype: string | null, flags: number, data: string | null): number {
  return fn('int mount(const char *source, const char *target, const char *fstype, unsigned long flags, const char *data)')(source, target, fstype, flags, data) as number;
}

export function umount2(target: string, flags: number): number {
  return fn('int umount2(const char *target, int flags)')(target, flags) as number;
}

export function pivotRoot(newRoot: string, putOld: string): number {
  return syscall(SYS.pivot_root, ['str', newRoot], ['str', putOld]);
}

/** mount_setattr(2) on the mount `fd` refers to (AT_EMPTY_PATH), with struct mount_attr's set and clear masks. */
export function mountSetattr(fd: number, flags: number, attrSet: number, attrClr: number, propagation = 0): number {
  const attr = Buffer.alloc(32);
  attr.writeBigUInt64LE(BigInt(attrSet), 0);
  attr.writeBigUInt64LE(BigInt(attrClr), 8);
  attr.writeBigUInt64LE(BigInt(propagation), 16);
  return syscall(SYS.mount_setattr, ['int', fd], ['str', ''], ['unsigned int', flags | AT_EMPTY_PATH], ['void *', attr], ['size_t', 32]);
}

export function openat(dirfd: number, path: string, flags: number, mode = 0): number {
  return fn('int openat(int dirfd, const char *path, int flags, ...)')(dirfd, path, flags, 'uint32', mode) as number;
}

export function mkdirat(dirfd: number, path: string, mode: number): number {
  return fn('int mkdirat(int dirfd, const char *path, uint32 mode)')(dirfd, path, mode) as number;
}

export function mknodat(dirfd: number, path: string, mode: number, dev: bigint): number {
  return fn('int mknodat(int dirfd, const char *path, uint32 mode, uint64 dev)')(dirfd, path, mode, dev) as number;
}

/** glibc's makedev(3): major and minor packed into a dev_t. */
export function makedev(major: number, minor: number): bigint {
  const ma = BigInt(major >>> 0);
  const mi = BigInt(minor >>> 0);
  return ((ma & 0xfffff000n) << 32n) | ((ma & 0xfffn) << 8n) | ((mi & 0xffffff00n) << 12n) | (mi & 0xffn);
}

export function symlinkat(target: string, dirfd: number, path: string): number {
  return fn('int symlinkat(const char *target, int dirfd, const char *path)')(target, dirfd, path) as number;
}

export function renameat(olddirfd: number, oldpath: string, newdirfd: number, newpath: string): number {
  return fn('int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath)')(olddirfd, oldpath, newdirfd, newpath) as number;
}

export function unlinkat(dirfd: number, path: string, flags: number): number {
  return fn('int unlinkat(int dirfd, const char *path, int flags)')(dirfd, path, flags) as number;
}

/** readlinkat(2): the link's target, or undefined (errno set). */
export function readlinkat(dirfd: number, path: string): string | undefined {
  const buf = Buffer.alloc(4096);
  const n = Number(fn('long readlinkat(int dirfd, const char *path, _Out_ uint8_t *buf, size_t len)')(dirfd, path, buf, buf.length));
  return n < 0 ? undefined : buf.subarray(0, n).toString();
}

export function fchmodat(dirfd: number, path: string, mode: number): number {
  return fn('int fchmodat(int dirfd, const char *path, uint32 mode, int flags)')(dirfd, path, mode, 0) as number;
}

export function fchownat(dirfd: number, path: string, uid: number, gid: number, flags: number): number {
  return fn('int fchownat(int dirfd, const char *path, uint32 uid, uint32 gid, int flags)')(dirfd, path, uid, gid, flags) as number;
}

export function chdir(path: string): number {
  return fn('int chdir(const char *path)')(path) as number;
}

export function fchdir(fd: number): number {
  return fn('int fchdir(int fd)')(fd) as number;
}

/** What statx(2) tells about a file: its type and mode bits, and for a device its numbers. */
export interface FileStat {
  readonly mode: number;
  readonly rdevMajor: number;
  readonly rdevMinor: number;
}

/** statx(2) of `path` under `dirfd` (flags: AT_EMPTY_PATH, AT_SYMLINK_NOFOLLOW); undefined on failure (errno set). */
export function statat(dirfd: number, path: string, flags: number): FileStat | undefined {
  const buf = Buffer.alloc(256);
  const r = fn('int statx(int dirfd, const char *path, int flags, unsigned int mask, _Out_ uint8_t *buf)')(dirfd, path, flags, 0x3 /* TYPE|MODE */, buf) as number;
  if (r < 0) return undefined;
  return { mode: buf.readUInt16LE(28), rdevMajor: buf.readUInt32LE(128), rdevMinor: buf.readUInt32LE(132) };
}

/** The mount flags (ST_*, the same bits as MS_*) of the filesystem `fd` is on, by fstatfs(2); -1 on failure. */
export function mountFlagsOf(fd: number): number {
  const buf = Buffer.alloc(120);
  const r = fn('int fstatfs(int fd, _Out_ uint8_t *buf)')(fd, buf) as number;
  return r < 0 ? -1 : Number(buf.readBigUInt64LE(80));
}


// ---- credentials (init/process.ts): ids, groups, capabilities, rlimits, prctl, scheduling ----

export const EACCES = 13;
export const PR_SET_DUMPABLE = 4;
export const PR_SET_KEEPCAPS = 8;
export const PR_CAPBSET_READ = 23;
export const PR_CAPBSET_DROP = 24;
export const PR_SET_NO_NEW_PRIVS = 38;
export const PR_CAP_AMBIENT = 47;
export const PR_CAP_AMBIENT_RAISE = 2;
export const PR_CAP_AMBIENT_CLEAR_ALL = 4;
/** capget/capset header version 3: two 32-bit words per set. */
export const LINUX_CAPABILITY_VERSION_3 = 0x20080522;
export const IOPRIO_WHO_PROCESS = 1;

/** prctl(2) with integer arguments (unused ones 0). */
export function prctl(option: number, a2 = 0, a3 = 0, a4 = 0, a5 = 0): number {
  return fn('int prctl(int option, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5)')(option, a2, a3, a4, a5) as number;
}

export function setgroups(gids: readonly number[]): number {
  const b = Buffer.alloc(4 * Math.max(1, gids.length));
  gids.forEach((g, i) => b.writeUInt32LE(g, 4 * i));
  return fn('int setgroups(size_t size, const uint8_t *list)')(gids.length, b) as number;
}

export function setresuid(r: number, e: number, s: number): number {
  return fn('int setresuid(uint32 r, uint32 e, uint32 s)')(r, e, s) as number;
}

export function setresgid(r: number, e: number, s: number): number {
  return fn('int setresgid(uint32 r, uint32 e, uint32 s)')(r, e, s) as number;
}

export function umask(mask: number): number {
  return fn('uint32 umask(uint32 mask)')(mask) as number;
}

/** personality(2); 0xffffffff only reads the current value. */
export function personality(persona: number): number {
  return fn('int personality(unsigned long persona)')(persona) as number;
}

/** prlimit(2) on this process: sets `limits` (a struct rlimit, two u64: soft, hard) when given, reads into `old`. */
export function prlimit(resource: number, limits: Buffer | null, old: Buffer | null): number {
  return fn('int prlimit(int pid, int resource, const void *limits, _Out_ void *old)')(0, resource, limits, old) as number;
}

/** capget(2) / capset(2) of the calling thread, version 3: `data` holds 2 x {effective, permitted, inheritable} u32. */
export function capget(data: Buffer): number {
  const hdr = Buffer.alloc(8);
  hdr.writeUInt32LE(LINUX_CAPABILITY_VERSION_3, 0);
  return syscall(SYS.capget, ['void *', hdr], ['void *', data]);
}

export function capset(data: Buffer): number {
  const hdr = Buffer.alloc(8);
  hdr.writeUInt32LE(LINUX_CAPABILITY_VERSION_3, 0);
  return syscall(SYS.capset, ['void *', hdr], ['void *', data]);
}

/** sched_setattr(2) of the calling thread with a struct sched_attr. */
export function schedSetattr(attr: Buffer): number {
  return syscall(SYS.sched_setattr, ['int', 0], ['void *', attr], ['unsigned int', 0]);
}

/** ioprio_set(2) of this process. */
export function ioprioSet(ioprio: number): number {
  return syscall(SYS.ioprio_set, ['int', IOPRIO_WHO_PROCESS], ['int', 0], ['int', ioprio]);
}

// ---- seccomp (init/seccomp/) ----

export const EFAULT = 14;
export const EOPNOTSUPP = 95;
export const SECCOMP_SET_MODE_FILTER = 1;
export const SECCOMP_GET_ACTION_AVAIL = 2;

/** prctl(PR_SET_NO_NEW_PRIVS, 1) on the calling thread (seccomp's own name, so it can't clash with credentials'). */
export function seccompNoNewPrivs(): number {
  return fn('int prctl(int option, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5)')(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) as number;
}

/** seccomp(SECCOMP_SET_MODE_FILTER, flags, &{len, filter}) with `program` (struct sock_filter[]); `null` probes the flags (EFAULT: known). */
export function seccompSetFilter(flags: number, program: Buffer | null): number {
  if (program === null) return syscall(SYS.seccomp, ['unsigned int', SECCOMP_SET_MODE_FILTER], ['unsigned int', flags >>> 0], ['void *', null]);
  if (!declared.has('ort_sock_fprog')) {
    structOnce('ort_sock_fprog', { len: 'uint16', filter: 'void *' });
    declared.set('ort_sock_fprog', () => 0);
  }
  const prog = { len: program.length / 8, filter: program };
  return syscall(SYS.seccomp, ['unsigned int', SECCOMP_SET_MODE_FILTER], ['unsigned int', flags >>> 0], ['ort_sock_fprog *', prog]);
}

/** seccomp(SECCOMP_GET_ACTION_AVAIL): 0 when the kernel knows the return action `action` (SECCOMP_RET_*), else -1. */
export function seccompActionAvailable(action: number): number {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(action >>> 0);
  return syscall(SYS.seccomp, ['unsigned int', SECCOMP_GET_ACTION_AVAIL], ['unsigned int', 0], ['void *', b]);
}

// ---- cgroups (runtime/cgroups/): bpf(2) for the cgroup v2 device program ----

export const BPF_PROG_LOAD = 5;
export const BPF_PROG_ATTACH = 8;
export const BPF_PROG_TYPE_CGROUP_DEVICE = 15;
export const BPF_CGROUP_DEVICE = 6;
export const BPF_F_ALLOW_MULTI = 2;
const SYS_BPF = X64 ? 321 : 280;

/** bpf(BPF_PROG_LOAD) of a BPF_PROG_TYPE_CGROUP_DEVICE program (8-byte instructions); its fd, or -1 with `log` holding the verifier's words. */
export function bpfLoadDeviceProgram(insns: Buffer, log: Buffer): number {
  const k = koffi();
  if (!declared.has('ort_bpf_prog_load')) {
    structOnce('ort_bpf_prog_load', {
      prog_type: 'uint32',
      insn_cnt: 'uint32',
      insns: 'void *',
      license: 'void *',
      log_level: 'uint32',
      log_size: 'uint32',
      log_buf: 'void *',
      kern_version: 'uint32',
      prog_flags: 'uint32',
      prog_name: 'uint8[16]',
      prog_ifindex: 'uint32',
      expected_attach_type: 'uint32',
    });
    declared.set('ort_bpf_prog_load', () => 0);
  }
  const attr = {
    prog_type: BPF_PROG_TYPE_CGROUP_DEVICE,
    insn_cnt: insns.length / 8,
    insns,
    license: Buffer.from('Apache-2.0\0'),
    log_level: 1,
    log_size: log.length,
    log_buf: log,
    kern_version: 0,
    prog_flags: 0,
    prog_name: [...Buffer.alloc(16)],
    prog_ifindex: 0,
    expected_attach_type: 0,
  };
  return Number(fn('long syscall(long nr, ...)')(SYS_BPF, 'int', BPF_PROG_LOAD, 'ort_bpf_prog_load *', attr, 'unsigned int', k.sizeof('ort_bpf_prog_load')));
}

/** bpf(BPF_PROG_ATTACH) of a device program to a cgroup v2 directory fd, alongside those above it (BPF_F_ALLOW_MULTI). */
export function bpfAttachDeviceProgram(cgroupFd: number, progFd: number): number {
  const attr = Buffer.alloc(20);
  attr.writeUInt32LE(cgroupFd, 0);
  attr.writeUInt32LE(progFd, 4);
  attr.writeUInt32LE(BPF_CGROUP_DEVICE, 8);
  attr.writeUInt32LE(BPF_F_ALLOW_MULTI, 12);
  return syscall(SYS_BPF, ['int', BPF_PROG_ATTACH], ['void *', attr], ['unsigned int', attr.length]);
}
