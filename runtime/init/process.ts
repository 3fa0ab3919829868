/**
 * The container process's own attributes, set by the container init (#2):
 * - checkProcessConfig: refusals that need no privilege, before anything is
 *   changed (create fails with one line naming the field);
 * - applyProcessAttributes, after pivot_root and before `created`: the
 *   privileged part of rlimits, oom_score_adj, scheduler, io priority,
 *   personality;
 * - applyCredentials, on the main thread, before `created` (after `start`
 *   only where a seccomp filter must come first): groups, gid, uid, the five
 *   capability sets (init/capabilities.ts), umask, no_new_privs;
 * - applyRlimits, right before execve: rlimits exactly.
 * Scheduler, io priority, personality and capabilities are per thread: they
 * are set on the calling (main) thread, the one that calls execve.
 */
import type { Linux, Process } from '../spec.js';
import {
  check,
  close,
  EACCES,
  EPERM,
  errno,
  ioprioSet,
  O_RDONLY,
  O_WRONLY,
  open,
  personality,
  PR_SET_KEEPCAPS,
  PR_SET_NO_NEW_PRIVS,
  prctl,
  prlimit,
  read,
  schedSetattr,
  setgroups,
  setresgid,
  setresuid,
  SysError,
  umask,
  write,
} from '../libc.js';
import { capabilityMasks, checkCapabilities, dropBounding, setCapabilitySets } from './capabilities.js';

/** getrlimit(2) resources by name (the same numbers on x86_64 and aarch64). */
const RLIMITS: readonly string[] = [
  'RLIMIT_CPU', 'RLIMIT_FSIZE', 'RLIMIT_DATA', 'RLIMIT_STACK', 'RLIMIT_CORE', 'RLIMIT_RSS', 'RLIMIT_NPROC', 'RLIMIT_NOFILE',
  'RLIMIT_MEMLOCK', 'RLIMIT_AS', 'RLIMIT_LOCKS', 'RLIMIT_SIGPENDING', 'RLIMIT_MSGQUEUE', 'RLIMIT_NICE', 'RLIMIT_RTPRIO',
  'RLIMIT_RTTIME',
];

const RLIM_INFINITY = (1n << 64n) - 1n;

/** sched(7) policies; SCHED_ISO is in the spec's list but not in Linux (no number). */
const SCHED_POLICIES: Readonly<Record<string, number | undefined>> = {
  SCHED_OTHER: 0, SCHED_FIFO: 1, SCHED_RR: 2, SCHED_BATCH: 3, SCHED_ISO: undefined, SCHED_IDLE: 5, SCHED_DEADLINE: 6,
};

const SCHED_FLAGS: Readonly<Record<string, number>> = {
  SCHED_FLAG_RESET_ON_FORK: 0x01,
  SCHED_FLAG_RECLAIM: 0x02,
  SCHED_FLAG_DL_OVERRUN: 0x04,
  SCHED_FLAG_KEEP_POLICY: 0x08,
  SCHED_FLAG_KEEP_PARAMS: 0x10,
  SCHED_FLAG_UTIL_CLAMP_MIN: 0x20,
  SCHED_FLAG_UTIL_CLAMP_MAX: 0x40,
};

const IOPRIO_CLASSES: Readonly<Record<string, number>> = { IOPRIO_CLASS_RT: 1, IOPRIO_CLASS_BE: 2, IOPRIO_CLASS_IDLE: 3 };

const PERSONALITY_DOMAINS: Readonly<Record<string, number>> = { LINUX: 0x0000, LINUX32: 0x0008 };

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * An rlimit value as the kernel's u64: config.json holds a uint64, and JSON.parse rounds the largest ones
 * (18446744073709551615 reads as 2^64), so anything from 2^64 up is RLIM_INFINITY. A bigint is taken as is.
 */
function rlimValue(v: unknown, where: string): bigint {
  if (typeof v === 'bigint' && v >= 0n) return v > RLIM_INFINITY ? RLIM_INFINITY : v;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v >= 2 ** 64 ? RLIM_INFINITY : BigInt(v);
  throw new Error(`${where}: ${String(v)} is not a uint64`);
}

function checkRlimits(p: Process): void {
  const seen = new Set<string>();
  for (const [i, l] of (p.rlimits ?? []).entries()) {
    const where = `process.rlimits[${i}] (${String(l.type)})`;
    if (!RLIMITS.includes(l.type)) throw new Error(`${where}: unknown rlimit type, Linux has no such limit`);
    if (seen.has(l.type)) throw new Error(`${where}: ${l.type} is listed twice (duplicate rlimit types are an error)`);
    seen.add(l.type);
    const soft = rlimValue(l.soft, `${where} soft`);
    const hard = rlimValue(l.hard, `${where} hard`);
    if (soft > hard) throw new Error(`${where}: soft ${soft} is above hard ${hard}, which no process can have`);
  }
}

function checkScheduler(s: NonNullable<Process['scheduler']>): void {
  if (!Object.hasOwn(SCHED_POLICIES, s.policy)) throw new Error(`process.scheduler.policy: unknown policy ${JSON.stringify(s.policy)}`);
  if (SCHED_POLICIES[s.policy] === undefined) throw new Error(`process.scheduler.policy: ${s.policy} is not a Linux scheduling policy`);
  if (s.nice !== undefined && !isInt(s.nice, -20, 19)) throw new Error(`process.scheduler.nice: ${s.nice} is outside -20..19`);
  const realtime = s.policy === 'SCHED_FIFO' || s.policy === 'SCHED_RR';
  const prio = s.priority ?? 0;
  if (realtime ? !isInt(prio, 1, 99) : prio !== 0) {
    throw new Error(`process.scheduler.priority: ${prio} is not valid for ${s.policy} (${realtime ? '1..99' : 'only 0'})`);
  }
  for (const f of s.flags ?? []) if (!Object.hasOwn(SCHED_FLAGS, f)) throw new Error(`process.scheduler.flags: unknown flag ${JSON.stringify(f)}`);
  for (const k of ['runtime', 'deadline', 'period'] as const) {
    const v = s[k];
    if (v !== undefined && !isInt(v, 0, Number.MAX_SAFE_INTEGER)) throw new Error(`process.scheduler.${k}: ${v} is not a uint64 the runtime can read exactly`);
  }
}

function checkUser(u: Process['user'] | undefined): void {
  if (typeof u !== 'object' || u === null) throw new Error('process.user: missing (uid and gid are required)');
  const ID_MAX = 0xfffffffe; // (uid_t)-1 means "unchanged" to the kernel
  if (!isInt(u.uid, 0, ID_MAX)) throw new Error(`process.user.uid: ${u.uid} is not a uid`);
  if (!isInt(u.gid, 0, ID_MAX)) throw new Error(`process.user.gid: ${u.gid} is not a gid`);
  for (const [i, g] of (u.additionalGids ?? []).entries()) if (!isInt(g, 0, ID_MAX)) throw new Error(`process.user.additionalGids[${i}]: ${g} is not a gid`);
  if ((u.additionalGids?.length ?? 0) > 65536) throw new Error('process.user.additionalGids: more than NGROUPS_MAX (65536) groups');
  if (u.umask !== undefined && !isInt(u.umask, 0, 0o777)) throw new Error(`process.user.umask: ${u.umask} is outside 0..0777`);
}

/**
 * Refusals that need no privileges (create fails early with one clear line): unknown or duplicate rlimit types,
 * unknown capability names where the config's spec version says that is an error, invalid scheduler, ioPriority,
 * oomScoreAdj, user or personality values. Throws Error; returns warnings (unknown capability ignored, capability
 * that cannot be held, unsupported personality flags). `ociVersion` is config.ociVersion.
 */
export function checkProcessConfig(p: Process, ociVersion: string, linux?: Linux): string[] {
  const warnings: string[] = [];
  checkUser(p.user);
  checkRlimits(p);
  if (p.capabilities) warnings.push(...checkCapabilities(p.capabilities, ociVersion));
  if (p.oomScoreAdj !== undefined && !isInt(p.oomScoreAdj, -1000, 1000)) throw new Error(`process.oomScoreAdj: ${p.oomScoreAdj} is outside -1000..1000`);
  if (p.scheduler) checkScheduler(p.scheduler);
  if (p.ioPriority) {
    const { class: cls, priority } = p.ioPriority;
    if (!Object.hasOwn(IOPRIO_CLASSES, cls)) throw new Error(`process.ioPriority.class: unknown class ${JSON.stringify(cls)}`);
    if (!isInt(priority ?? 0, 0, 7)) throw new Error(`process.ioPriority.priority: ${priority} is outside 0..7`);
  }
  if (linux?.personality) {
    const { domain, flags } = linux.personality;
    if (!Object.hasOwn(PERSONALITY_DOMAINS, domain)) throw new Error(`linux.personality.domain: unknown domain ${JSON.stringify(domain)} (LINUX or LINUX32)`);
    if (flags?.length) warnings.push(`linux.personality.flags: no flag is supported, ${flags.join(', ')} ignored`);
  }
  return warnings;
}

/**
 * Rlimits in two steps, so that the limits of the program never bind the init itself (Node: a small RLIMIT_AS,
 * RLIMIT_DATA, RLIMIT_STACK, RLIMIT_NPROC or RLIMIT_NOFILE makes it abort or fail while it waits for `start`):
 * - before `created`, a hard limit above the current one is raised (soft kept): the one step that needs
 *   CAP_SYS_RESOURCE, so a limit the runtime may not set fails `create`;
 * - right before execve, every limit is set exactly, which then only lowers or stays within hard.
 */
function setRlimits(p: Process, phase: 'raise' | 'exact'): void {
  for (const [i, l] of (p.rlimits ?? []).entries()) {
    const where = `process.rlimits[${i}] (${l.type})`;
    const resource = RLIMITS.indexOf(l.type);
    if (resource < 0) throw new Error(`${where}: unknown rlimit type, Linux has no such limit`);
    let soft = rlimValue(l.soft, where);
    const hard = rlimValue(l.hard, where);
    const b = Buffer.alloc(16);
    if (phase === 'raise') {
      check(prlimit(resource, null, b), `${where}: getrlimit`);
      if (hard <= b.readBigUInt64LE(8)) continue;
      soft = b.readBigUInt64LE(0);
    }
    b.writeBigUInt64LE(soft, 0);
    b.writeBigUInt64LE(hard, 8);
    if (prlimit(resource, b, null) < 0) {
      const e = errno();
      const show = (v: bigint): string => (v === RLIM_INFINITY ? 'unlimited' : String(v));
      const why = e !== EPERM ? '' : ` (raising a hard limit needs CAP_SYS_RESOURCE${l.type === 'RLIMIT_NOFILE' ? ', and stays within fs.nr_open' : ''})`;
      throw new SysError(`${where}: setrlimit`, e, `soft ${show(rlimValue(l.soft, where))} hard ${show(hard)}${why}`);
    }
  }
}

function setOomScoreAdj(value: number): void {
  const field = 'process.oomScoreAdj';
  const path = '/proc/self/oom_score_adj';
  const fd = check(open(path, O_WRONLY), `${field}: open`, path);
  try {
    if (write(fd, Buffer.from(String(value))) < 0) {
      const e = errno();
      throw new SysError(`${field}: write ${value} to`, e, `${path}${e === EACCES ? ' (lowering it needs CAP_SYS_RESOURCE)' : ''}`);
    }
  } finally {
    close(fd);
  }
}

function applyScheduler(s: NonNullable<Process['scheduler']>): void {
  const policy = SCHED_POLICIES[s.policy];
  if (policy === undefined) throw new Error(`process.scheduler.policy: ${s.policy} is not a Linux scheduling policy`);
  // struct sched_attr (SCHED_ATTR_SIZE_VER1, 56 bytes; utilization clamps left 0)
  const a = Buffer.alloc(56);
  a.writeUInt32LE(56, 0);
  a.writeUInt32LE(policy, 4);
  a.writeBigUInt64LE(BigInt((s.flags ?? []).reduce((m, f) => m | (SCHED_FLAGS[f] ?? 0), 0)), 8);
  a.writeInt32LE(s.nice ?? 0, 16);
  a.writeUInt32LE(s.priority ?? 0, 20);
  a.writeBigUInt64LE(BigInt(s.runtime ?? 0), 24);
  a.writeBigUInt64LE(BigInt(s.deadline ?? 0), 32);
  a.writeBigUInt64LE(BigInt(s.period ?? 0), 40);
  check(schedSetattr(a), 'process.scheduler: sched_setattr', `${s.policy} nice ${s.nice ?? 0} priority ${s.priority ?? 0}`);
}

/**
 * Before `start` (may run well before exec): rlimits as far as they need privilege (a hard limit above the current
 * one is raised now, an error without CAP_SYS_RESOURCE; applyCredentials sets the exact values), oom_score_adj
 * (/proc/self/oom_score_adj, only when oomScoreAdj is set), scheduler (sched_setattr), ioPriority (ioprio_set),
 * personality. Throws Error naming the field.
 */
export function applyProcessAttributes(p: Process, linux?: Linux): void {
  setRlimits(p, 'raise');
  if (p.oomScoreAdj !== undefined) setOomScoreAdj(p.oomScoreAdj);
  if (p.scheduler) applyScheduler(p.scheduler);
  if (p.ioPriority) {
    const cls = IOPRIO_CLASSES[p.ioPriority.class];
    if (cls === undefined) throw new Error(`process.ioPriority.class: unknown class ${JSON.stringify(p.ioPriority.class)}`);
    const prio = p.ioPriority.priority ?? 0;
    check(ioprioSet((cls << 13) | prio), 'process.ioPriority: ioprio_set', `${p.ioPriority.class} ${prio}`);
  }
  if (linux?.personality) {
    const persona = PERSONALITY_DOMAINS[linux.personality.domain];
    if (persona === undefined) throw new Error(`linux.personality.domain: unknown domain ${JSON.stringify(linux.personality.domain)}`);
    check(personality(persona), 'linux.personality: personality', linux.personality.domain);
  }
}

/** True when this process may not call setgroups (a user namespace whose /proc/<pid>/setgroups says deny). */
function setgroupsDenied(): boolean {
  const fd = open('/proc/self/setgroups', O_RDONLY);
  if (fd < 0) return false;
  try {
    const b = Buffer.alloc(16);
    const n = read(fd, b);
    return n > 0 && b.subarray(0, n).toString().trim() === 'deny';
  } finally {
    close(fd);
  }
}

function setUser(u: Process['user']): void {
  const gids = u.additionalGids ?? [];
  if (setgroups(gids) < 0) {
    const e = errno();
    // Where setgroups is denied, only an empty list can be honoured, and the process has none to drop.
    const denied = e === EPERM && setgroupsDenied();
    if (!(denied && gids.length === 0)) {
      throw new SysError('process.user.additionalGids: setgroups', e, `[${gids.join(', ')}]${denied ? ' (setgroups is denied in this user namespace)' : ''}`);
    }
  }
  check(setresgid(u.gid, u.gid, u.gid), 'process.user.gid: setresgid', String(u.gid));
  check(setresuid(u.uid, u.uid, u.uid), 'process.user.uid: setresuid', String(u.uid));
}

/**
 * Right before execve: rlimits exactly as configured (applyProcessAttributes raised the hard ones already, so this
 * needs no privilege, and the init, which keeps running until `start`, is never bound by the program's limits).
 */
export function applyRlimits(p: Process): void {
  setRlimits(p, 'exact');
}

/**
 * The credentials, on the main thread (the one that calls execve): bounding set (PR_CAPBSET_DROP), additionalGids
 * (setgroups), gid and uid (setresgid, setresuid; keep-caps across them so permitted survives a non-zero uid),
 * effective, permitted and
 * inheritable (capset), ambient (PR_CAP_AMBIENT_RAISE), umask (only when set: config.md says an unset umask is left
 * as the caller's), no_new_privs (only when noNewPrivileges is true). Without process.capabilities the sets are left
 * to the kernel's rules for the uid change. A capability the process cannot hold is left out and passed to `warn`.
 * Throws Error naming the field.
 */
export function applyCredentials(p: Process, warn: (message: string) => void = () => {}): void {
  const masks = p.capabilities ? capabilityMasks(p.capabilities) : undefined;
  if (masks) {
    dropBounding(masks, warn);
    check(prctl(PR_SET_KEEPCAPS, 1), 'prctl PR_SET_KEEPCAPS');
  }
  setUser(p.user);
  if (masks) {
    check(prctl(PR_SET_KEEPCAPS, 0), 'prctl PR_SET_KEEPCAPS');
    setCapabilitySets(masks, warn);
  }
  if (p.user.umask !== undefined) umask(p.user.umask);
  if (p.noNewPrivileges) check(prctl(PR_SET_NO_NEW_PRIVS, 1), 'process.noNewPrivileges: prctl PR_SET_NO_NEW_PRIVS');
}
