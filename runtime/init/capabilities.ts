/**
 * process.capabilities: the runtime's own table of capability names
 * (linux/capability.h, CAP_CHOWN = 0 ... CAP_CHECKPOINT_RESTORE = 40), the
 * checks that need no privilege, and the two steps of applying them around
 * the change of user (init/process.ts calls them in order):
 * - dropBounding, while the process still has CAP_SETPCAP;
 * - setCapabilitySets after the uid change (keep-caps kept permitted):
 *   effective, permitted and inheritable through capset, then ambient.
 *
 * A capability that the process can't hold is left out with a warning
 * (config.md from 1.1.0: such a capability must be logged as a warning and
 * should not make the runtime fail). What the program holds after execve is
 * the kernel's doing (capabilities(7)): uid 0 gets bounding | inheritable as
 * permitted and effective (no securebits are set, as runc and crun do), any
 * other uid gets the ambient set.
 */
import type { Process } from '../spec.js';
import { compareVersions } from '../../spec/versions.js';
import {
  capget,
  capset,
  check,
  EINVAL,
  errno,
  PR_CAP_AMBIENT,
  PR_CAP_AMBIENT_CLEAR_ALL,
  PR_CAP_AMBIENT_RAISE,
  PR_CAPBSET_DROP,
  PR_CAPBSET_READ,
  prctl,
  SysError,
} from '../libc.js';
import { LINUX_CAPABILITIES } from '../../spec/linux.js';

export const CAPABILITY_NAMES: readonly string[] = LINUX_CAPABILITIES;

const CAP_SETPCAP = 8;

export type CapabilitySet = 'bounding' | 'effective' | 'inheritable' | 'permitted' | 'ambient';
export const CAPABILITY_SETS: readonly CapabilitySet[] = ['bounding', 'effective', 'inheritable', 'permitted', 'ambient'];

/** The configured sets as bit masks; unknown names left out, a set not given is empty (as runc reads it). */
export type CapabilityMasks = Record<CapabilitySet, bigint>;

type Capabilities = NonNullable<Process['capabilities']>;

const bit = (n: number): bigint => 1n << BigInt(n);
const has = (mask: bigint, n: number): boolean => (mask & bit(n)) !== 0n;

export function capabilityMasks(caps: Capabilities): CapabilityMasks {
  const masks = { bounding: 0n, effective: 0n, inheritable: 0n, permitted: 0n, ambient: 0n };
  for (const set of CAPABILITY_SETS) {
    for (const name of caps[set] ?? []) {
      const n = CAPABILITY_NAMES.indexOf(name);
      if (n >= 0) masks[set] |= bit(n);
    }
  }
  return masks;
}

/** Up to 1.0.2 an unknown name is an error (config.md: "MUST generate an error"); from 1.0.2-dev on, a warning. */
function unknownIsError(ociVersion: string): boolean {
  try {
    return compareVersions(ociVersion, '1.0.2') <= 0;
  } catch {
    return false; // not a version: judged by the current text
  }
}

/** Unknown names (an error or a warning by ociVersion) and capabilities no set arrangement can keep (warnings). */
export function checkCapabilities(caps: Capabilities, ociVersion: string): string[] {
  const warnings: string[] = [];
  for (const set of CAPABILITY_SETS) {
    const list = caps[set];
    if (list !== undefined && !Array.isArray(list)) throw new Error(`process.capabilities.${set}: not an array of capability names`);
    for (const name of list ?? []) {
      if (CAPABILITY_NAMES.includes(name)) continue;
      if (unknownIsError(ociVersion)) {
        throw new Error(`process.capabilities.${set}: unknown capability ${JSON.stringify(name)} (an error up to runtime-spec 1.0.2; this config is ${ociVersion})`);
      }
      warnings.push(`process.capabilities.${set}: unknown capability ${JSON.stringify(name)} ignored`);
    }
  }
  const m = capabilityMasks(caps);
  for (const set of ['effective', 'permitted', 'inheritable', 'ambient'] as const) {
    for (const [n, name] of CAPABILITY_NAMES.entries()) {
      if (has(m[set], n) && !has(m.bounding, n)) warnings.push(`process.capabilities.${set}: ${name} is not in the bounding set, so the program cannot hold it`);
    }
  }
  for (const [n, name] of CAPABILITY_NAMES.entries()) {
    if (has(m.ambient, n) && has(m.bounding, n) && !(has(m.permitted, n) && has(m.inheritable, n))) {
      warnings.push(`process.capabilities.ambient: ${name} is not both permitted and inheritable, so it cannot be ambient`);
    }
  }
  return warnings;
}

let knownLast: number | undefined;

/** The highest capability number this kernel knows (PR_CAPBSET_READ fails with EINVAL past it); probed once. */
function lastCap(): number {
  if (knownLast === undefined) {
    let n = 0;
    while (n < 63 && prctl(PR_CAPBSET_READ, n + 1) >= 0) n++;
    knownLast = n;
  }
  return knownLast;
}

const nameOf = (n: number): string => CAPABILITY_NAMES[n] ?? `capability ${n}`;

/** Drops every capability not in `bounding` from the bounding set; needs CAP_SETPCAP, so before the uid change. */
export function dropBounding(m: CapabilityMasks, warn: (message: string) => void): void {
  const last = lastCap();
  for (let n = 0; n <= last; n++) {
    const held = check(prctl(PR_CAPBSET_READ, n), 'prctl PR_CAPBSET_READ', nameOf(n)) === 1;
    if (held && !has(m.bounding, n)) check(prctl(PR_CAPBSET_DROP, n), 'process.capabilities.bounding: prctl PR_CAPBSET_DROP', nameOf(n));
    if (!held && has(m.bounding, n)) warn(`process.capabilities.bounding: ${nameOf(n)} is not in the runtime's own bounding set, so it cannot be granted`);
  }
  for (let n = last + 1; n < CAPABILITY_NAMES.length; n++) {
    if (has(m.bounding, n)) warn(`process.capabilities.bounding: ${nameOf(n)} is unknown to this kernel, ignored`);
  }
}

interface Sets {
  effective: bigint;
  permitted: bigint;
  inheritable: bigint;
}

function readSets(): Sets {
  const d = Buffer.alloc(24);
  check(capget(d), 'capget');
  const word = (i: number): bigint => BigInt(d.readUInt32LE(4 * i)) | (BigInt(d.readUInt32LE(4 * (i + 3))) << 32n);
  return { effective: word(0), permitted: word(1), inheritable: word(2) };
}

function boundingMask(): bigint {
  let mask = 0n;
  const last = lastCap();
  for (let n = 0; n <= last; n++) if (prctl(PR_CAPBSET_READ, n) === 1) mask |= bit(n);
  return mask;
}

function warnMissing(set: string, wanted: bigint, got: bigint, why: string, warn: (message: string) => void): void {
  for (let n = 0; wanted >> BigInt(n) !== 0n; n++) {
    if (has(wanted, n) && !has(got, n)) warn(`process.capabilities.${set}: ${nameOf(n)} cannot be granted (${why})`);
  }
}

/**
 * Sets effective, permitted and inheritable (capset, version 3) to the configured ones the process can hold,
 * then the ambient set (cleared, then each one raised). After the uid change, with keep-caps set before it.
 */
export function setCapabilitySets(m: CapabilityMasks, warn: (message: string) => void): void {
  const cur = readSets();
  const bounding = boundingMask();
  const permitted = m.permitted & cur.permitted;
  warnMissing('permitted', m.permitted, permitted, 'the runtime does not hold it', warn);
  // capset(2): inheritable may only gain what is in the bounding set, and, without CAP_SETPCAP, what is permitted.
  const mayInherit = (cur.inheritable | bounding) & (has(cur.effective, CAP_SETPCAP) ? ~0n : cur.inheritable | cur.permitted);
  const inheritable = m.inheritable & mayInherit;
  warnMissing('inheritable', m.inheritable, inheritable, 'not in the bounding set or not held', warn);
  const lost = m.permitted & ~permitted; // warned about once, as permitted
  const effective = m.effective & permitted;
  warnMissing('effective', m.effective & ~lost, effective, 'not in process.capabilities.permitted', warn);
  const d = Buffer.alloc(24);
  for (const [i, v] of [effective, permitted, inheritable].entries()) {
    d.writeUInt32LE(Number(v & 0xffffffffn), 4 * i);
    d.writeUInt32LE(Number(v >> 32n), 4 * (i + 3));
  }
  check(capset(d), 'process.capabilities: capset');
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL) < 0) {
    const e = errno();
    if (e !== EINVAL) throw new SysError('process.capabilities.ambient: prctl PR_CAP_AMBIENT_CLEAR_ALL', e);
    if (m.ambient !== 0n) warn('process.capabilities.ambient: this kernel has no ambient capabilities (Linux 4.3 on), ignored');
    return;
  }
  const ambient = m.ambient & permitted & inheritable;
  warnMissing('ambient', m.ambient & ~lost & ~(m.inheritable & ~inheritable), ambient, 'not both permitted and inheritable', warn);
  for (let n = 0; ambient >> BigInt(n) !== 0n; n++) {
    if (has(ambient, n)) check(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, n), 'process.capabilities.ambient: prctl PR_CAP_AMBIENT_RAISE', nameOf(n));
  }
}
