import { LINUX_CAPABILITIES } from '../../spec/linux.js';

/** Linux capability numbers (linux/capability.h) and the hex masks of /proc/<pid>/status. */
export const CAPABILITY_NAMES: readonly string[] = LINUX_CAPABILITIES;

/** Names of the bits set in a status mask like '000001ffffffffff' (unknown bits as CAP_<n>), sorted by number. */
export function decodeCapabilities(hex: string): string[] {
  const mask = BigInt(`0x${hex.trim() || '0'}`);
  const out: string[] = [];
  for (let bit = 0n; mask >> bit !== 0n; bit++) {
    if ((mask >> bit) & 1n) out.push(CAPABILITY_NAMES[Number(bit)] ?? `CAP_${bit}`);
  }
  return out;
}

/** The inverse: a mask for a list of names (unknown names throw). */
export function encodeCapabilities(names: readonly string[]): bigint {
  let mask = 0n;
  for (const n of names) {
    const i = CAPABILITY_NAMES.indexOf(n);
    if (i < 0) throw new Error(`unknown capability ${n}`);
    mask |= 1n << BigInt(i);
  }
  return mask;
}
