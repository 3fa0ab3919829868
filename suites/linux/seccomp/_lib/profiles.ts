/**
 * Seccomp profiles for the cases: default ALLOW plus one rule, so the
 * container's shell works and only the syscalls under test change. mkdir(1)
 * uses mkdir or mkdirat depending on the libc and architecture, so both are
 * named; an architecture without one of them just doesn't have that name
 * resolved (runtimes skip unknown names for other arches).
 */
import type { JsonObject } from '../../../case.js';

export const MKDIR_NAMES = ['mkdir', 'mkdirat'] as const;

/** defaultAction ALLOW with one rule on `names`. */
export function allowExcept(names: readonly string[], action: string, rule: JsonObject = {}, top: JsonObject = {}): JsonObject {
  return { defaultAction: 'SCMP_ACT_ALLOW', ...top, syscalls: [{ names: [...names], action, ...rule }] };
}

/**
 * The shell probe: try `mkdir /tmp/probe`, print its exit status and message,
 * then whether the directory exists; a `touch` beside it shows other syscalls still work.
 */
export const MKDIR_PROBE = 'out=$(mkdir /tmp/probe 2>&1); echo "rc=$?"; echo "msg=$out"; [ -d /tmp/probe ] && echo made=yes || echo made=no; touch /tmp/other && echo touch=ok';

export interface ProbeResult {
  readonly rc: number | undefined;
  readonly msg: string;
  readonly made: boolean;
  readonly touchOk: boolean;
}

export function parseProbe(stdout: string): ProbeResult {
  const get = (k: string): string | undefined => stdout.split('\n').find((l) => l.startsWith(`${k}=`))?.slice(k.length + 1);
  const rc = get('rc');
  return { rc: rc === undefined ? undefined : Number(rc), msg: get('msg') ?? '', made: get('made') === 'yes', touchOk: get('touch') === 'ok' };
}

/** libseccomp's names for this machine's native arch and its compat arches, or undefined when we don't know them. */
export function nativeArchitectures(arch: string = process.arch): string[] | undefined {
  switch (arch) {
    case 'x64':
      return ['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32'];
    case 'arm64':
      return ['SCMP_ARCH_AARCH64', 'SCMP_ARCH_ARM'];
    case 'ppc64':
      return ['SCMP_ARCH_PPC64LE'];
    case 's390x':
      return ['SCMP_ARCH_S390X', 'SCMP_ARCH_S390'];
    case 'riscv64':
      return ['SCMP_ARCH_RISCV64'];
    default:
      return undefined;
  }
}

/**
 * What the runtime's last steps before exec, busybox sh and its mkdir/touch applets need, as the syscall names
 * of the common Linux architectures (a name an architecture lacks is skipped by runtimes). mkdir and mkdirat
 * are not among them: under a deny-by-default profile they get the default action.
 */
export const SHELL_SYSCALLS: readonly string[] = [
  'access', 'arch_prctl', 'brk', 'capget', 'capset', 'chdir', 'clock_gettime', 'clock_nanosleep', 'clone', 'clone3',
  'close', 'close_range', 'creat', 'dup', 'dup2', 'dup3', 'epoll_create1', 'epoll_ctl', 'epoll_pwait', 'epoll_wait',
  'execve', 'execveat', 'exit', 'exit_group', 'faccessat', 'faccessat2', 'fchdir', 'fchmod', 'fchmodat', 'fchown',
  'fchownat', 'fcntl', 'fork', 'fstat', 'fstatfs', 'futex', 'getcwd', 'getdents', 'getdents64', 'getegid', 'geteuid',
  'getgid', 'getgroups', 'getpgid', 'getpgrp', 'getpid', 'getppid', 'getpriority', 'getrandom', 'getresgid',
  'getresuid', 'getrlimit', 'getsid', 'gettid', 'gettimeofday', 'getuid', 'ioctl', 'kill', 'lseek', 'lstat',
  'madvise', 'mmap', 'mprotect', 'mremap', 'munmap', 'nanosleep', 'newfstatat', 'open', 'openat', 'openat2', 'pipe',
  'pipe2', 'poll', 'ppoll', 'prctl', 'pread64', 'prlimit64', 'pselect6', 'pwrite64', 'read', 'readlink',
  'readlinkat', 'readv', 'restart_syscall', 'rseq', 'rt_sigaction', 'rt_sigprocmask', 'rt_sigreturn',
  'rt_sigsuspend', 'sched_getaffinity', 'sched_yield', 'select', 'set_robust_list', 'set_tid_address', 'setpgid',
  'sigaltstack', 'stat', 'statfs', 'statx', 'sysinfo', 'tgkill', 'time', 'umask', 'uname', 'utimensat', 'vfork',
  'wait4', 'waitid', 'write', 'writev',
];

/** defaultAction ERRNO (EPERM) with an allowlist: what a hardened profile looks like. */
export function denyExcept(allowed: readonly string[]): JsonObject {
  return { defaultAction: 'SCMP_ACT_ERRNO', syscalls: [{ names: [...allowed], action: 'SCMP_ACT_ALLOW' }] };
}

/**
 * defaultAction ALLOW and ERRNO for chmod and fchmodat when the mode meets
 * `cond` (`{ value, op }` or `{ value, valueTwo, op }`): the mode is chmod's
 * argument 1 and fchmodat's argument 2.
 */
export function chmodModeErrno(cond: JsonObject): JsonObject {
  return {
    defaultAction: 'SCMP_ACT_ALLOW',
    syscalls: [
      { names: ['chmod'], action: 'SCMP_ACT_ERRNO', args: [{ index: 1, ...cond }] },
      { names: ['fchmodat'], action: 'SCMP_ACT_ERRNO', args: [{ index: 2, ...cond }] },
    ],
  };
}
