/**
 * What `create` refuses before anything is made (no privileges needed): the
 * field errors of model.ts, fields newer than the config's ociVersion, the
 * listener rules, and what this kernel can't do (flags and actions probed
 * through seccomp(2) itself, neither of which installs anything). Warnings
 * are returned: names an architecture lacks (skipped, as runc does), values
 * newer than ociVersion.
 */
import { parseSemVer, reached } from '../../../spec/versions.js';
import { EFAULT, errno, seccompActionAvailable, seccompSetFilter, strerror } from '../../libc.js';
import type { Seccomp } from '../../spec.js';
import { compileSeccomp, filteredArches } from './compile.js';
import { FIELD, readModel } from './model.js';
import { ACTIONS, ARCHITECTURES, FILTER_FLAG, FLAGS, syscallNumber } from './names.js';

/** What sendListener calls before the listener holds the descriptor. */
const HAND_OVER = ['socket', 'connect', 'sendmsg'];

const ERRNO_RET = { since: '1.1.0', dev: '1.0.2-dev' } as const;

function inForce(ociVersion: string, since: string, dev?: string): boolean {
  // an ociVersion we can't read is no reason to refuse: every value counts as known
  return parseSemVer(ociVersion) === undefined || reached(ociVersion, since, dev);
}

/** The kernel knows the seccomp(2) flag bits `bits` (a NULL program: EFAULT after the flags passed, EINVAL before). */
function flagKnown(bits: number): { ok: boolean; errno: number } {
  if (seccompSetFilter(bits, null) === 0) return { ok: true, errno: 0 };
  const e = errno();
  return { ok: e === EFAULT, errno: e };
}

/**
 * linux.seccomp as the config's ociVersion defines it: errnoRet and defaultErrnoRet came with 1.0.2-dev (1.1.0), and
 * before that they are unknown properties, which config.md (1.0.x, Extensibility) says a runtime ignores without an
 * error. So they are dropped, not applied (checkSeccomp warns); docs/INTERPRETING.md records this reading.
 */
export function seccompAsOf(s: Seccomp, ociVersion: string): Seccomp {
  if (inForce(ociVersion, ERRNO_RET.since, ERRNO_RET.dev)) return s;
  const { defaultErrnoRet: _d, ...rest } = s;
  return { ...rest, ...(s.syscalls ? { syscalls: s.syscalls.map(({ errnoRet: _e, ...sc }) => sc) } : {}) };
}

export function checkSeccomp(given: Seccomp, ociVersion: string): string[] {
  const warnings: string[] = [];

  // fields and values by version
  if (given.defaultErrnoRet !== undefined && !inForce(ociVersion, ERRNO_RET.since, ERRNO_RET.dev))
    warnings.push(`${FIELD}.defaultErrnoRet: not part of runtime-spec ${ociVersion} (the config's ociVersion; it came with 1.1.0): ignored`);
  (given.syscalls ?? []).forEach((sc, i) => {
    if (sc.errnoRet !== undefined && !inForce(ociVersion, ERRNO_RET.since, ERRNO_RET.dev))
      warnings.push(`${FIELD}.syscalls[${i}].errnoRet: not part of runtime-spec ${ociVersion} (the config's ociVersion; it came with 1.1.0): ignored`);
  });
  const s = seccompAsOf(given, ociVersion);
  const model = readModel(s);
  const newer = (what: string, name: string, since: { since: string; dev?: string }): void => {
    if (!inForce(ociVersion, since.since, since.dev)) warnings.push(`${FIELD}.${what}: ${name} is newer than ociVersion ${ociVersion} (listed from ${since.since}); applied anyway`);
  };
  newer('defaultAction', s.defaultAction, ACTIONS[s.defaultAction]!);
  (s.syscalls ?? []).forEach((sc, i) => newer(`syscalls[${i}].action`, sc.action, ACTIONS[sc.action]!));
  (s.architectures ?? []).forEach((a, i) => newer(`architectures[${i}]`, a, ARCHITECTURES[a]!));
  (s.flags ?? []).forEach((f, i) => newer(`flags[${i}]`, f, FLAGS[f]!));

  // the listener
  if (s.listenerMetadata !== undefined && s.listenerPath === undefined) throw new Error(`${FIELD}.listenerMetadata: set without listenerPath`);
  if (model.notify && !s.listenerPath) throw new Error(`${FIELD}.syscalls: an SCMP_ACT_NOTIFY rule needs listenerPath, the socket the notify descriptor is sent to`);
  if (s.listenerPath !== undefined && !model.notify) warnings.push(`${FIELD}.listenerPath: no SCMP_ACT_NOTIFY rule, so nothing is sent to ${s.listenerPath}`);
  for (const rule of model.rules) {
    const held = rule.action === 'SCMP_ACT_NOTIFY' ? rule.names.find((n) => HAND_OVER.includes(n)) : undefined;
    if (held) throw new Error(`${FIELD}.syscalls[${rule.at}]: SCMP_ACT_NOTIFY on ${held}, which the runtime needs to hand the notify descriptor to the listener (it would wait for itself)`);
  }
  if (model.flags & FILTER_FLAG.WAIT_KILLABLE_RECV && !model.notify)
    throw new Error(`${FIELD}.flags: SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV needs an SCMP_ACT_NOTIFY rule (the kernel takes it only with a listener)`);

  // architectures and names
  const arches = filteredArches(model, process.arch);
  for (const a of arches) if (!a.table) warnings.push(`${FIELD}.architectures: no syscall table for ${a.name}; its system calls get the bad-architecture action (kill)`);
  const tables = arches.flatMap((a) => (a.table ? [a.table] : []));
  for (const rule of model.rules) {
    for (const name of new Set(rule.names)) {
      const missing = tables.filter((t) => syscallNumber(t, name) === undefined);
      if (missing.length > 0) warnings.push(`${FIELD}.syscalls[${rule.at}]: syscall ${name} unknown on ${missing.join(', ')}; skipped there`);
    }
  }

  // one name, several actions without conditions: the first applies
  const plain = new Map<string, { at: number; action: string }>();
  for (const rule of model.rules.filter((r) => r.conditions.length === 0)) {
    for (const name of rule.names) {
      const first = plain.get(name);
      if (!first) plain.set(name, { at: rule.at, action: rule.action });
      else if (first.action !== rule.action) warnings.push(`${FIELD}.syscalls[${rule.at}]: ${name} already has ${first.action} from syscalls[${first.at}], which applies; ${rule.action} does not`);
    }
  }

  // this kernel
  const used = new Set([s.defaultAction, ...model.rules.map((r) => r.action)]);
  for (const action of used) {
    if (seccompActionAvailable(ACTIONS[action]!.ret) !== 0) throw new Error(`${FIELD}: this kernel does not support the action ${action}: ${strerror(errno())} (errno ${errno()})`);
  }
  for (const [name, { bit }] of Object.entries(FLAGS)) {
    if (!(model.flags & bit)) continue;
    const probe = flagKnown(bit === FILTER_FLAG.WAIT_KILLABLE_RECV ? bit | FILTER_FLAG.NEW_LISTENER : bit);
    if (!probe.ok) throw new Error(`${FIELD}.flags: this kernel does not support ${name}: ${strerror(probe.errno)} (errno ${probe.errno})`);
  }
  const compiled = compileSeccomp(s, process.arch);
  if (compiled.flags & FILTER_FLAG.TSYNC_ESRCH && !flagKnown(FILTER_FLAG.TSYNC | FILTER_FLAG.TSYNC_ESRCH | FILTER_FLAG.NEW_LISTENER).ok)
    throw new Error(`${FIELD}.flags: this kernel can't combine SECCOMP_FILTER_FLAG_TSYNC with an SCMP_ACT_NOTIFY listener (no SECCOMP_FILTER_FLAG_TSYNC_ESRCH)`);
  return warnings;
}
