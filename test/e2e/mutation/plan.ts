/**
 * What the sensitivity test mutates, derived from the cases themselves:
 *
 * - config mutations: every container config a case created (recorded by wrap.sh in a
 *   pass-through run) is compared with the minimal config (fixtures/config.ts); the
 *   difference, minus what the harness owns, is the field under test, and the mutation
 *   reverts it: added keys are dropped, changed or removed ones get the minimal config's
 *   value back. That is what a runtime that ignores the field would build. A small table
 *   (FIELD_OVERRIDES) names the field where that automatic choice is wrong.
 * - liars: a runtime that lies in `state`, ignores `kill`, lets `delete` of a running
 *   container succeed, runs the program at `create` or runs nothing at `start`. The cases
 *   each must catch are those citing the requirements the liar breaks (LIARS).
 */
import { isDeepStrictEqual } from 'node:util';
import { baseConfig, type Json, type JsonObject, type OciConfig } from '../../../fixtures/config.js';

export type Path = readonly (string | number)[];
export type Op = { readonly op: 'del'; readonly path: Path } | { readonly op: 'set'; readonly path: Path; readonly value: Json };

export type LiarKind = 'state-created-as-running' | 'state-running-as-stopped' | 'state-wrong-pid' | 'kill-ignored' | 'delete-forced' | 'create-starts' | 'start-noop';
export type MutationKind = 'config' | LiarKind;

/** Each liar and the requirements whose cases must catch it. */
export const LIARS: Readonly<Record<LiarKind, readonly string[]>> = {
  'state-created-as-running': ['RT-STATE-STATUS-VALUES'],
  'state-running-as-stopped': ['RT-STATE-STATUS-VALUES'],
  'state-wrong-pid': ['RT-STATE-PID-REQUIRED-LINUX'],
  'kill-ignored': ['RT-KILL-SENDS-SIGNAL'],
  'delete-forced': ['RT-DELETE-NOT-STOPPED-ERROR', 'RT-DELETE-NOT-STOPPED-NO-EFFECT'],
  'create-starts': ['RT-CREATE-PROCESS-NOT-RUN', 'RT-LIFECYCLE-CREATE-PROGRAM-NOT-RUN'],
  'start-noop': ['RT-START-RUNS-PROCESS', 'RT-LIFECYCLE-RUN-PROGRAM'],
};

/** What each kind of mutation leaves in wrap.sh's log when it took effect. */
export const EFFECT: Readonly<Record<MutationKind, RegExp>> = {
  config: /^config mutated/,
  'state-created-as-running': /^state lied/,
  'state-running-as-stopped': /^state lied/,
  'state-wrong-pid': /^state lied/,
  'kill-ignored': /^kill ignored/,
  'delete-forced': /^delete forced/,
  'create-starts': /^started at create/,
  'start-noop': /^start did nothing/,
};

/**
 * Config paths that are not a case's field under test: the harness writes ociVersion and
 * linux.cgroupsPath (when it is the harness's own value, which the caller removes), and
 * process.args is the case's probe (the program that reports what it sees).
 */
export const HARNESS_PATHS: readonly Path[] = [['ociVersion'], ['process', 'args']];

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => p === path[i]);
}

/**
 * The ops that turn `cfg` back into `base` where they differ: a key the case added is
 * dropped, elements appended to an array are dropped (last first), anything else changed
 * or removed is set back to the base value.
 */
export function revertOps(base: Json | undefined, cfg: Json | undefined, path: Path = []): Op[] {
  if (isDeepStrictEqual(base, cfg)) return [];
  if (isObject(base) && isObject(cfg)) {
    const keys = [...new Set([...Object.keys(base), ...Object.keys(cfg)])];
    return keys.flatMap((k) => revertOps(base[k], cfg[k], [...path, k]));
  }
  if (Array.isArray(base) && Array.isArray(cfg) && cfg.length > base.length && isDeepStrictEqual(cfg.slice(0, base.length), base)) {
    const ops: Op[] = [];
    for (let i = cfg.length - 1; i >= base.length; i--) ops.push({ op: 'del', path: [...path, i] });
    return ops;
  }
  if (base === undefined) return [{ op: 'del', path }];
  return [{ op: 'set', path, value: base }];
}

/** A created container as wrap.sh recorded it. */
export interface RecordedContainer {
  /** Container name inside its case ('c' for the primary one). */
  readonly name: string;
  readonly config: OciConfig;
}

/** Options that make a mount a bind mount at all: the rest are what option requirements check. */
const BIND = new Set(['bind', 'rbind']);
const MOUNT_OPTION_REQ = /^CFG-MOUNT-OPTIONS?-/;

/**
 * The field under test of one container: revert ops against the minimal config, harness paths
 * left out. A case citing a mount-option requirement checks the options of the mounts it adds,
 * not that they exist: there the mutation keeps the mount and drops its options (bind and rbind
 * stay, or it would not be a bind mount at all).
 */
export function fieldOps(rec: RecordedContainer, requirements: readonly string[], configVersion: string, harnessCgroupsPath: string): Op[] {
  const cfg = structuredClone(rec.config);
  const linux = cfg.linux;
  if (isObject(linux) && linux.cgroupsPath === harnessCgroupsPath) delete linux.cgroupsPath;
  const ops = revertOps(baseConfig(configVersion), cfg).filter((o) => !HARNESS_PATHS.some((h) => startsWith(o.path, h)));
  if (!requirements.some((r) => MOUNT_OPTION_REQ.test(r))) return ops;
  const mounts = Array.isArray(cfg.mounts) ? cfg.mounts : [];
  return ops.map((o): Op => {
    const m = o.op === 'del' && o.path.length === 2 && o.path[0] === 'mounts' ? mounts[o.path[1] as number] : undefined;
    if (!isObject(m) || !Array.isArray(m.options)) return o;
    return { op: 'set', path: [...o.path, 'options'], value: m.options.filter((x) => typeof x === 'string' && BIND.has(x)) };
  });
}

type Override = { readonly why: string; readonly ops: (rec: RecordedContainer) => Op[] };

const namespaces = (r: RecordedContainer): Json[] => (isObject(r.config.linux) && Array.isArray(r.config.linux.namespaces) ? r.config.linux.namespaces : []);
const typeOf = (n: Json): Json | undefined => (isObject(n) ? n.type : undefined);

/**
 * Container `name`: the namespace of `type` left out (the runtime shares ours instead); for uts
 * the hostname goes too, which runc would refuse without a uts namespace of its own.
 */
function dropNamespace(type: string, name = 'c'): Override['ops'] {
  return (r) =>
    r.name === name
      ? [{ op: 'set', path: ['linux', 'namespaces'], value: namespaces(r).filter((n) => typeOf(n) !== type) }, ...(type === 'uts' && 'hostname' in r.config ? [{ op: 'del', path: ['hostname'] } as const] : [])]
      : [];
}

/** Container `name`: a namespace of `type` added (the runtime makes one though the config has none). */
function addNamespace(type: string, extra: JsonObject = {}, name = 'c'): Override['ops'] {
  return (r) => (r.name === name ? [{ op: 'set', path: ['linux', 'namespaces'], value: [...namespaces(r), { type }] }, ...Object.entries(extra).map(([k, v]): Op => ({ op: 'set', path: ['linux', k], value: v }))] : []);
}

/** The joining container: every namespace path dropped (the runtime makes new namespaces instead of joining). */
const dropJoinPaths: Override['ops'] = (r) =>
  r.name === 'joiner' ? [{ op: 'set', path: ['linux', 'namespaces'], value: namespaces(r).map((n) => (isObject(n) && 'path' in n ? { type: n.type ?? null } : n)) }] : [];

/** Container `name`: the string `value` taken out of the array at `path`. */
function dropElement(path: Path, value: string, name = 'c'): Override['ops'] {
  return (r) => {
    let v: Json | undefined = r.config;
    for (const k of path) v = isObject(v) ? v[k as string] : undefined;
    return r.name === name && Array.isArray(v) ? [{ op: 'set', path, value: v.filter((x) => x !== value) }] : [];
  };
}

/** Container `name`: one option of the mount at `destination` replaced by another. */
function swapMountOption(destination: string, from: string, to: string, name = 'c'): Override['ops'] {
  return (r) => {
    const mounts = Array.isArray(r.config.mounts) ? r.config.mounts : [];
    const i = mounts.findIndex((m) => isObject(m) && m.destination === destination);
    const m = mounts[i];
    if (r.name !== name || !isObject(m) || !Array.isArray(m.options)) return [];
    return [{ op: 'set', path: ['mounts', i, 'options'], value: m.options.map((o) => (o === from ? to : o)) }];
  };
}

function set(path: Path, value: Json, name = 'c'): Override['ops'] {
  return (r) => (r.name === name ? [{ op: 'set', path, value }] : []);
}

const none = (): Op[] => [];
const USER_MAPPING: JsonObject = { uidMappings: [{ containerID: 0, hostID: 0, size: 65536 }], gidMappings: [{ containerID: 0, hostID: 0, size: 65536 }] };
const IN_BASE = ['ipc', 'mount', 'network', 'pid', 'uts'] as const;
const NOT_IN_BASE = ['cgroup', 'time', 'user'] as const;
const NS_TYPES = [...IN_BASE, ...NOT_IN_BASE];

/**
 * Where the automatic field is wrong, or a case checks a field whose value is the minimal
 * config's own (so it has no delta): the ops per recorded container. `ops` returning [] for
 * every container takes the case out of the config targets: `why` says why it is not one.
 */
export const FIELD_OVERRIDES: Readonly<Record<string, Override>> = {
  'filesystem.mounts.propagation.private': {
    why: "the field is the child tmpfs's 'private'; its parent's 'shared' is the case's setup and stays",
    ops: swapMountOption('/mnt/h8-prop-parent/private', 'private', 'size=1m'),
  },
  'process.args.exact': { why: 'process.args is the field under test here: its last argument dropped', ops: (r) => dropLastArg(r) },
  'process.args.path-lookup': { why: 'process.args is the field under test here: a runtime that ignores it runs something else', ops: set(['process', 'args'], ['/bin/true']) },
  'filesystem.masked-paths.proc': { why: 'the case lists /proc/timer_list, which the minimal config masks too: take it out', ops: dropElement(['linux', 'maskedPaths'], '/proc/timer_list') },
  'filesystem.readonly-paths.proc-sys': { why: 'the case keeps /proc/sys of the minimal list: take it out (CAP_SYS_ADMIN stays, it is the setup)', ops: dropElement(['linux', 'readonlyPaths'], '/proc/sys') },
  'filesystem.mounts.bind-not-recursive': { why: 'the field is the non-recursive bind: the runtime binds recursively instead', ops: swapMountOption('/mnt/h8-bind-dev', 'bind', 'rbind') },
  'filesystem.mounts.rbind': { why: 'the field is the recursive bind: the runtime binds only the top mount instead', ops: swapMountOption('/mnt/h8-rbind', 'rbind', 'bind') },
  // the minimal config already asks for these five namespaces, and lacks the other three
  ...Object.fromEntries(IN_BASE.map((t) => [`linux.namespaces.create.${t}`, { why: `the minimal config has a ${t} entry too (the case only moves it): the runtime creates no ${t} namespace`, ops: dropNamespace(t) }])),
  ...Object.fromEntries(
    NOT_IN_BASE.map((t) => [`linux.namespaces.inherit.${t}`, { why: `the minimal config lacks ${t} too (no delta): the runtime creates a ${t} namespace anyway`, ops: addNamespace(t, t === 'user' ? USER_MAPPING : {}) }]),
  ),
  ...Object.fromEntries([...NS_TYPES, 'user-no-mappings'].map((t) => [`linux.namespaces.join.${t}`, { why: 'the field is the joining container\'s namespace path: the runtime makes a new namespace instead', ops: dropJoinPaths }])),
  'process.no-new-privileges.on': { why: 'noNewPrivileges true is the minimal config\'s own value: the runtime leaves the bit clear', ops: set(['process', 'noNewPrivileges'], false) },
  'process.oom-score-adj.unset': { why: 'the field is the absence of oomScoreAdj: the runtime writes 0 anyway', ops: set(['process', 'oomScoreAdj'], 0) },
  'filesystem.root.writable': { why: 'root.readonly false is the minimal config\'s own value: the runtime mounts the root read-only', ops: set(['root', 'readonly'], true) },
  'lifecycle.ops.create.duplicate-id': { why: 'not a config field: its own cgroupsPath only keeps the second create apart', ops: none },
  'state.bundle.absolute-from-relative': { why: 'not a config field: its own cgroupsPath is setup of a state check', ops: none },
  'lifecycle.ops.delete.foreign-namespace': { why: 'not a config field: the joined namespace is the setup of a delete check', ops: none },
};

function dropLastArg(r: RecordedContainer): Op[] {
  const args = isObject(r.config.process) ? r.config.process.args : undefined;
  return r.name === 'c' && Array.isArray(args) && args.length > 1 ? [{ op: 'del', path: ['process', 'args', args.length - 1] }] : [];
}
