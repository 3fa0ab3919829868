/**
 * linux.seccomp read into what the compiler needs, or an Error naming the
 * field and the reason (one line): actions as SECCOMP_RET_* values with their
 * data, argument values as 64-bit unsigned integers, flags as bits.
 */
import type { Seccomp } from '../../spec.js';
import { ACTIONS, ARCHITECTURES, EPERM, FLAGS, MAX_ERRNO, OPERATORS, type Operator } from './names.js';

export const FIELD = 'linux.seccomp';

export interface Condition {
  readonly index: number;
  readonly op: Operator;
  readonly value: bigint;
  readonly valueTwo: bigint;
}

export interface Rule {
  /** Its place in linux.seccomp.syscalls. */
  readonly at: number;
  readonly names: readonly string[];
  readonly action: string;
  /** The SECCOMP_RET_* value the filter returns. */
  readonly ret: number;
  readonly conditions: readonly Condition[];
}

export interface Model {
  readonly defaultRet: number;
  readonly architectures: readonly string[];
  /** SECCOMP_FILTER_FLAG_* bits of `flags`. */
  readonly flags: number;
  /** Some rule has SCMP_ACT_NOTIFY. */
  readonly notify: boolean;
  readonly rules: readonly Rule[];
}

const UINT64_MAX = (1n << 64n) - 1n;

function fail(path: string, reason: string): never {
  throw new Error(`${FIELD}.${path}: ${reason}`);
}

/** The SECCOMP_RET_* value of `action` with `errnoRet` (path names the fields in errors). */
function actionRet(action: unknown, errnoRet: unknown, actionPath: string, errnoPath: string): number {
  if (typeof action !== 'string' || !Object.hasOwn(ACTIONS, action)) fail(actionPath, `unknown action ${JSON.stringify(action)} (one of ${Object.keys(ACTIONS).join(', ')})`);
  const info = ACTIONS[action]!;
  if (errnoRet === undefined) return info.takesErrno ? info.ret | EPERM : info.ret;
  if (!info.takesErrno) fail(errnoPath, `${action} returns no errno (only SCMP_ACT_ERRNO and SCMP_ACT_TRACE take one)`);
  const max = action === 'SCMP_ACT_ERRNO' ? MAX_ERRNO : 0xffff;
  if (typeof errnoRet !== 'number' || !Number.isInteger(errnoRet) || errnoRet < 0 || errnoRet > max) fail(errnoPath, `${JSON.stringify(errnoRet)} is not an integer from 0 to ${max}`);
  return (info.ret | errnoRet) >>> 0;
}

function uint64(v: unknown, path: string): bigint {
  let b: bigint | undefined;
  if (typeof v === 'bigint') b = v;
  else if (typeof v === 'number' && Number.isInteger(v)) b = BigInt(v);
  if (b === undefined || b < 0n || b > UINT64_MAX) fail(path, `${String(v)} is not a 64-bit unsigned integer`);
  return b;
}

export function readModel(s: Seccomp): Model {
  if (s === null || typeof s !== 'object') throw new Error(`${FIELD}: not an object`);
  if (s.defaultAction === undefined) fail('defaultAction', 'missing (it is REQUIRED)');
  const defaultRet = actionRet(s.defaultAction, s.defaultErrnoRet, 'defaultAction', 'defaultErrnoRet');
  if (s.defaultAction === 'SCMP_ACT_NOTIFY') fail('defaultAction', 'SCMP_ACT_NOTIFY cannot be the default action (the runtime could not finish starting the process: its own system calls would wait for the listener)');

  const architectures = s.architectures ?? [];
  if (!Array.isArray(architectures)) fail('architectures', 'not an array');
  architectures.forEach((a, i) => {
    if (typeof a !== 'string' || !Object.hasOwn(ARCHITECTURES, a)) fail(`architectures[${i}]`, `unknown architecture ${JSON.stringify(a)}`);
  });

  let flags = 0;
  const flagList = s.flags ?? [];
  if (!Array.isArray(flagList)) fail('flags', 'not an array');
  flagList.forEach((f, i) => {
    if (typeof f !== 'string' || !Object.hasOwn(FLAGS, f)) fail(`flags[${i}]`, `unknown flag ${JSON.stringify(f)} (one of ${Object.keys(FLAGS).join(', ')})`);
    flags |= FLAGS[f]!.bit;
  });

  const syscalls = s.syscalls ?? [];
  if (!Array.isArray(syscalls)) fail('syscalls', 'not an array');
  const rules = syscalls.map((sc, i): Rule => {
    const p = `syscalls[${i}]`;
    if (sc === null || typeof sc !== 'object') fail(p, 'not an object');
    if (!Array.isArray(sc.names) || sc.names.length === 0) fail(`${p}.names`, 'missing or empty (at least one name is REQUIRED)');
    sc.names.forEach((n, j) => {
      if (typeof n !== 'string' || n === '') fail(`${p}.names[${j}]`, `${JSON.stringify(n)} is not a syscall name`);
    });
    if (sc.action === undefined) fail(`${p}.action`, 'missing (it is REQUIRED)');
    const ret = actionRet(sc.action, sc.errnoRet, `${p}.action`, `${p}.errnoRet`);
    const args = sc.args ?? [];
    if (!Array.isArray(args)) fail(`${p}.args`, 'not an array');
    const conditions = args.map((a, j): Condition => {
      const q = `${p}.args[${j}]`;
      if (a === null || typeof a !== 'object') fail(q, 'not an object');
      if (!Number.isInteger(a.index) || a.index < 0 || a.index > 5) fail(`${q}.index`, `${JSON.stringify(a.index)} is not an argument index (0 to 5)`);
      if (!(OPERATORS as readonly string[]).includes(a.op)) fail(`${q}.op`, `unknown operator ${JSON.stringify(a.op)} (one of ${OPERATORS.join(', ')})`);
      if (a.value === undefined) fail(`${q}.value`, 'missing (it is REQUIRED)');
      const value = uint64(a.value, `${q}.value`);
      const valueTwo = a.valueTwo === undefined ? 0n : uint64(a.valueTwo, `${q}.valueTwo`);
      return { index: a.index, op: a.op as Operator, value, valueTwo };
    });
    return { at: i, names: sc.names, action: sc.action, ret, conditions };
  });

  return { defaultRet, architectures, flags, notify: rules.some((r) => r.action === 'SCMP_ACT_NOTIFY'), rules };
}
