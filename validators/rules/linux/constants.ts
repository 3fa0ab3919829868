import type { RuntimeDevVersion } from '../../../spec/dev-windows.js';
import { DEV_1_0_2 } from '../../../spec/dev-windows.js';

/**
 * Value lists of runtime-spec config-linux.md, each value with the first
 * spec version that lists it. Shared by the linux schema and the linux rules.
 */

export interface Versioned {
  readonly value: string;
  /** The release that first lists it. */
  readonly since: string;
  /** The runtime-spec dev window it landed in before that release, when not the whole window (spec/dev-windows.ts). */
  readonly dev?: RuntimeDevVersion;
}

const v = (since: string, ...values: string[]): Versioned[] => values.map((value) => ({ value, since }));
/** Values listed on the spec's main branch under 1.0.2-dev, released in 1.1.0. */
const dev102 = (...values: string[]): Versioned[] => values.map((value) => ({ value, since: '1.1.0', dev: DEV_1_0_2 }));

export const NAMESPACE_TYPES: readonly Versioned[] = [
  ...v('1.0.0', 'pid', 'network', 'mount', 'ipc', 'uts', 'user', 'cgroup'),
  ...v('1.1.0', 'time'),
];

export const SECCOMP_ACTIONS: readonly Versioned[] = [
  ...v('1.0.0', 'SCMP_ACT_KILL', 'SCMP_ACT_TRAP', 'SCMP_ACT_ERRNO', 'SCMP_ACT_TRACE', 'SCMP_ACT_ALLOW'),
  ...v('1.0.2', 'SCMP_ACT_LOG'),
  // #1044, #1064, #1074
  ...dev102('SCMP_ACT_KILL_PROCESS', 'SCMP_ACT_KILL_THREAD', 'SCMP_ACT_NOTIFY'),
];

export const SECCOMP_ARCHES: readonly Versioned[] = [
  ...v(
    '1.0.0',
    'SCMP_ARCH_X86',
    'SCMP_ARCH_X86_64',
    'SCMP_ARCH_X32',
    'SCMP_ARCH_ARM',
    'SCMP_ARCH_AARCH64',
    'SCMP_ARCH_MIPS',
    'SCMP_ARCH_MIPS64',
    'SCMP_ARCH_MIPS64N32',
    'SCMP_ARCH_MIPSEL',
    'SCMP_ARCH_MIPSEL64',
    'SCMP_ARCH_MIPSEL64N32',
    'SCMP_ARCH_PPC',
    'SCMP_ARCH_PPC64',
    'SCMP_ARCH_PPC64LE',
    'SCMP_ARCH_S390',
    'SCMP_ARCH_S390X',
    'SCMP_ARCH_PARISC',
    'SCMP_ARCH_PARISC64',
  ),
  ...dev102('SCMP_ARCH_RISCV64'), // #1059
  ...v('1.2.1', 'SCMP_ARCH_LOONGARCH64', 'SCMP_ARCH_M68K', 'SCMP_ARCH_SH', 'SCMP_ARCH_SHEB'),
];

export const SECCOMP_FLAGS: readonly Versioned[] = [
  ...v('1.0.2', 'SECCOMP_FILTER_FLAG_TSYNC', 'SECCOMP_FILTER_FLAG_LOG', 'SECCOMP_FILTER_FLAG_SPEC_ALLOW'),
  ...dev102('SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV'), // #1161
];

export const SECCOMP_OPERATORS = ['SCMP_CMP_NE', 'SCMP_CMP_LT', 'SCMP_CMP_LE', 'SCMP_CMP_EQ', 'SCMP_CMP_GE', 'SCMP_CMP_GT', 'SCMP_CMP_MASKED_EQ'] as const;

/** The seccomp actions that carry an errno back to the caller. */
export const SECCOMP_ERRNO_ACTIONS: ReadonlySet<string> = new Set(['SCMP_ACT_ERRNO', 'SCMP_ACT_TRACE']);

export const DEVICE_TYPES = ['c', 'b', 'u', 'p'] as const;
export const CGROUP_DEVICE_TYPES = ['a', 'c', 'b'] as const;
export const ROOTFS_PROPAGATION = ['shared', 'slave', 'private', 'unbindable'] as const;
export const PERSONALITY_DOMAINS = ['LINUX', 'LINUX32'] as const;

export const MEMPOLICY_MODES = [
  'MPOL_DEFAULT',
  'MPOL_BIND',
  'MPOL_INTERLEAVE',
  'MPOL_WEIGHTED_INTERLEAVE',
  'MPOL_PREFERRED',
  'MPOL_PREFERRED_MANY',
  'MPOL_LOCAL',
] as const;
export const MEMPOLICY_FLAGS = ['MPOL_F_NUMA_BALANCING', 'MPOL_F_RELATIVE_NODES', 'MPOL_F_STATIC_NODES'] as const;

/** Clocks a time namespace can offset (time_namespaces(7)). */
export const TIME_NAMESPACE_CLOCKS = ['monotonic', 'boottime'] as const;
