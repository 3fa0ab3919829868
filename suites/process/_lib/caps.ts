/**
 * Capability configs whose sets differ from each other, so a runtime that
 * fills one set from another is caught. What the program shows after the
 * runtime's execve follows the kernel's rules (capabilities(7)):
 * - uid 0: permitted and effective become bounding | inheritable (the file
 *   is treated as fully privileged), so for root we configure effective and
 *   permitted equal to bounding, and check each set as configured;
 * - another uid: permitted and effective become the ambient set, and only
 *   capabilities in both permitted and inheritable can be ambient.
 */
import type { CapabilitySets } from '../../case.js';

export const ROOT_BOUNDING = ['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_BIND_SERVICE', 'CAP_SETUID'];

/** uid 0: bounding = effective = permitted; inheritable a strict subset. */
export const ROOT_SETS: CapabilitySets = {
  bounding: ROOT_BOUNDING,
  effective: ROOT_BOUNDING,
  permitted: ROOT_BOUNDING,
  inheritable: ['CAP_KILL'],
  ambient: [],
};

/** A non-root uid: ambient is a strict subset of permitted & inheritable. */
export const NONROOT_SETS: CapabilitySets = {
  bounding: ['CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_KILL', 'CAP_NET_BIND_SERVICE', 'CAP_SETUID'],
  permitted: ['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_BIND_SERVICE'],
  effective: ['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_BIND_SERVICE'],
  inheritable: ['CAP_KILL', 'CAP_NET_BIND_SERVICE'],
  ambient: ['CAP_NET_BIND_SERVICE'],
};

export const NONROOT_USER = { uid: 4242, gid: 4242 };

/** Sorted copy, the order /proc/<pid>/status decodes to (by capability number). */
export function sortedCaps(list: readonly string[] | undefined, order: readonly string[]): string[] {
  return [...(list ?? [])].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
