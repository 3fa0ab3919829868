/**
 * The names config-linux.md (Seccomp) gives, with what the kernel makes of
 * them: actions as SECCOMP_RET_* values, architectures as AUDIT_ARCH_* values
 * and our syscall tables, flags as SECCOMP_FILTER_FLAG_* bits. `since` is the
 * release that first lists a name, `dev` the 1.0.2-dev window when it landed
 * there (spec/dev-windows.ts).
 */
import { SYSCALL_TABLES } from './syscalls.js';

interface Since {
  readonly since: string;
  readonly dev?: '1.0.2-dev';
}

// SECCOMP_RET_* (linux/seccomp.h): the action in the high 16 bits, its data in the low 16
export const RET = {
  KILL_PROCESS: 0x80000000,
  KILL_THREAD: 0x00000000,
  TRAP: 0x00030000,
  ERRNO: 0x00050000,
  USER_NOTIF: 0x7fc00000,
  TRACE: 0x7ff00000,
  LOG: 0x7ffc0000,
  ALLOW: 0x7fff0000,
} as const;

/** The largest errno the kernel returns (MAX_ERRNO); ERRNO's data is capped to it. */
export const MAX_ERRNO = 4095;
export const EPERM = 1;

export interface ActionInfo extends Since {
  readonly ret: number;
  /** It takes errnoRet (ERRNO: the errno; TRACE: the data the tracer reads). */
  readonly takesErrno: boolean;
}

export const ACTIONS: Readonly<Record<string, ActionInfo>> = {
  SCMP_ACT_KILL: { ret: RET.KILL_THREAD, takesErrno: false, since: '1.0.0' },
  SCMP_ACT_TRAP: { ret: RET.TRAP, takesErrno: false, since: '1.0.0' },
  SCMP_ACT_ERRNO: { ret: RET.ERRNO, takesErrno: true, since: '1.0.0' },
  SCMP_ACT_TRACE: { ret: RET.TRACE, takesErrno: true, since: '1.0.0' },
  SCMP_ACT_ALLOW: { ret: RET.ALLOW, takesErrno: false, since: '1.0.0' },
  SCMP_ACT_LOG: { ret: RET.LOG, takesErrno: false, since: '1.0.2' },
  SCMP_ACT_KILL_PROCESS: { ret: RET.KILL_PROCESS, takesErrno: false, since: '1.1.0', dev: '1.0.2-dev' },
  SCMP_ACT_KILL_THREAD: { ret: RET.KILL_THREAD, takesErrno: false, since: '1.1.0', dev: '1.0.2-dev' },
  SCMP_ACT_NOTIFY: { ret: RET.USER_NOTIF, takesErrno: false, since: '1.1.0', dev: '1.0.2-dev' },
};

// SECCOMP_FILTER_FLAG_* (linux/seccomp.h)
export const FILTER_FLAG = {
  TSYNC: 1,
  LOG: 2,
  SPEC_ALLOW: 4,
  NEW_LISTENER: 8,
  TSYNC_ESRCH: 16,
  WAIT_KILLABLE_RECV: 32,
} as const;

export const FLAGS: Readonly<Record<string, Since & { readonly bit: number }>> = {
  SECCOMP_FILTER_FLAG_TSYNC: { bit: FILTER_FLAG.TSYNC, since: '1.0.2' },
  SECCOMP_FILTER_FLAG_LOG: { bit: FILTER_FLAG.LOG, since: '1.0.2' },
  SECCOMP_FILTER_FLAG_SPEC_ALLOW: { bit: FILTER_FLAG.SPEC_ALLOW, since: '1.0.2' },
  SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV: { bit: FILTER_FLAG.WAIT_KILLABLE_RECV, since: '1.1.0', dev: '1.0.2-dev' },
};

export const OPERATORS = ['SCMP_CMP_NE', 'SCMP_CMP_LT', 'SCMP_CMP_LE', 'SCMP_CMP_EQ', 'SCMP_CMP_GE', 'SCMP_CMP_GT', 'SCMP_CMP_MASKED_EQ'] as const;
export type Operator = (typeof OPERATORS)[number];

// AUDIT_ARCH_* (linux/audit.h) of the architectures we filter
export const AUDIT_ARCH_X86_64 = 0xc000003e;
export const AUDIT_ARCH_I386 = 0x40000003;
export const AUDIT_ARCH_AARCH64 = 0xc00000b7;
export const AUDIT_ARCH_ARM = 0x40000028;
/** x32 system calls come as AUDIT_ARCH_X86_64 with this bit in the number. */
export const X32_SYSCALL_BIT = 0x40000000;

export type TableName = keyof typeof SYSCALL_TABLES;

export const ARCHITECTURES: Readonly<Record<string, Since>> = {
  ...Object.fromEntries(
    ['X86', 'X86_64', 'X32', 'ARM', 'AARCH64', 'MIPS', 'MIPS64', 'MIPS64N32', 'MIPSEL', 'MIPSEL64', 'MIPSEL64N32', 'PPC', 'PPC64', 'PPC64LE', 'S390', 'S390X', 'PARISC', 'PARISC64'].map(
      (a) => [`SCMP_ARCH_${a}`, { since: '1.0.0' }],
    ),
  ),
  SCMP_ARCH_RISCV64: { since: '1.1.0', dev: '1.0.2-dev' },
  ...Object.fromEntries(['LOONGARCH64', 'M68K', 'SH', 'SHEB'].map((a) => [`SCMP_ARCH_${a}`, { since: '1.2.1' }])),
};

/** An architecture a machine of node's `arch` runs, and how the filter tells its calls apart. */
export interface RunnableArch {
  readonly name: string;
  readonly audit: number;
  /** Its syscall table, or undefined when we have none (its calls then get the bad-architecture action). */
  readonly table?: TableName;
}

/** The architectures a kernel of node's `arch` runs natively or as compat, the native one first; undefined when we compile for none. */
export function runnableArches(arch: string): readonly RunnableArch[] | undefined {
  switch (arch) {
    case 'x64':
      return [
        { name: 'SCMP_ARCH_X86_64', audit: AUDIT_ARCH_X86_64, table: 'x86_64' },
        { name: 'SCMP_ARCH_X86', audit: AUDIT_ARCH_I386, table: 'x86' },
        { name: 'SCMP_ARCH_X32', audit: AUDIT_ARCH_X86_64, table: 'x32' },
      ];
    case 'arm64':
      return [
        { name: 'SCMP_ARCH_AARCH64', audit: AUDIT_ARCH_AARCH64, table: 'aarch64' },
        { name: 'SCMP_ARCH_ARM', audit: AUDIT_ARCH_ARM },
      ];
    default:
      return undefined;
  }
}

const parsed = new Map<TableName, Map<string, number>>();

/** The number of syscall `name` on the architecture of `table`, or undefined when it has none. */
export function syscallNumber(table: TableName, name: string): number | undefined {
  let m = parsed.get(table);
  if (!m) {
    const t = SYSCALL_TABLES[table];
    m = new Map();
    t.names.split(' ').forEach((n, i) => {
      if (n) m!.set(n, t.base + i);
    });
    parsed.set(table, m);
  }
  return m.get(name);
}
