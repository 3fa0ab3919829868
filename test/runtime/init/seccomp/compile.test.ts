/**
 * The compiler's output: instruction shapes, jump ranges, 64-bit comparisons as halves, and what each
 * (arch, nr, args) gets, read by running the program in a small BPF interpreter (bpf-vm.ts).
 */
import { describe, expect, it } from 'vitest';
import { decode, OP } from '../../../../runtime/init/seccomp/bpf.js';
import { run } from './bpf-vm.js';
import { compileSeccomp } from '../../../../runtime/init/seccomp/compile.js';
import { AUDIT_ARCH_AARCH64, AUDIT_ARCH_I386, AUDIT_ARCH_X86_64, FILTER_FLAG, RET, syscallNumber } from '../../../../runtime/init/seccomp/names.js';
import { SYSCALL_TABLES } from '../../../../runtime/init/seccomp/syscalls.js';
import type { Seccomp } from '../../../../runtime/spec.js';

const EPERM = RET.ERRNO | 1;
const X32 = 0x40000000;
const MKDIR64 = 83;
const MKDIR32 = 39;

function mkdirErrno(top: Partial<Seccomp> = {}, rule: object = {}): Seccomp {
  return { defaultAction: 'SCMP_ACT_ALLOW', ...top, syscalls: [{ names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_ERRNO', ...rule }] };
}

/** Every jump of a program lands inside it, conditional ones within 255. */
function jumpsInRange(program: Buffer): void {
  const insns = decode(program);
  insns.forEach((ins, i) => {
    if (ins.code === OP.ja) expect(i + 1 + ins.k).toBeLessThan(insns.length);
    if (ins.code === OP.jeq || ins.code === OP.jgt || ins.code === OP.jge) {
      expect(i + 1 + Math.max(ins.jt, ins.jf)).toBeLessThan(insns.length);
    }
  });
  expect(insns.at(-1)!.code).toBe(OP.ret);
}

describe('compileSeccomp: shape', () => {
  it('starts by loading the architecture and ends every path in a return', () => {
    const c = compileSeccomp(mkdirErrno(), 'x64');
    const insns = decode(c.program);
    expect(c.program.length % 8).toBe(0);
    expect(insns[0]).toEqual({ code: OP.ldAbs, jt: 0, jf: 0, k: 4 });
    expect(insns[1]).toEqual({ code: OP.jeq, jt: 0, jf: 1, k: AUDIT_ARCH_X86_64 });
    expect(insns[2]!.code).toBe(OP.ja);
    expect(insns[3]).toEqual({ code: OP.ret, jt: 0, jf: 0, k: RET.KILL_THREAD });
    jumpsInRange(c.program);
    expect(c).toMatchObject({ flags: 0, notify: false });
  });

  it('maps actions to SECCOMP_RET_* values (errnoRet in the low bits, TRACE defaulting to EPERM)', () => {
    const ret = (action: string, errnoRet?: number): number => run(compileSeccomp(mkdirErrno({}, { action, errnoRet }), 'x64').program, { arch: AUDIT_ARCH_X86_64, nr: MKDIR64 });
    expect(ret('SCMP_ACT_KILL')).toBe(RET.KILL_THREAD);
    expect(ret('SCMP_ACT_KILL_THREAD')).toBe(RET.KILL_THREAD);
    expect(ret('SCMP_ACT_KILL_PROCESS')).toBe(RET.KILL_PROCESS);
    expect(ret('SCMP_ACT_TRAP')).toBe(RET.TRAP);
    expect(ret('SCMP_ACT_ERRNO')).toBe(EPERM);
    expect(ret('SCMP_ACT_ERRNO', 38)).toBe(RET.ERRNO | 38);
    expect(ret('SCMP_ACT_TRACE')).toBe(RET.TRACE | 1);
    expect(ret('SCMP_ACT_TRACE', 7)).toBe(RET.TRACE | 7);
    expect(ret('SCMP_ACT_LOG')).toBe(RET.LOG);
    expect(ret('SCMP_ACT_NOTIFY')).toBe(RET.USER_NOTIF);
  });

  it('flags: bits as the kernel numbers them; TSYNC with a listener adds TSYNC_ESRCH', () => {
    expect(compileSeccomp(mkdirErrno({ flags: ['SECCOMP_FILTER_FLAG_LOG', 'SECCOMP_FILTER_FLAG_SPEC_ALLOW'] }), 'x64').flags).toBe(FILTER_FLAG.LOG | FILTER_FLAG.SPEC_ALLOW);
    const n = compileSeccomp(mkdirErrno({ flags: ['SECCOMP_FILTER_FLAG_TSYNC'], listenerPath: '/x' }, { action: 'SCMP_ACT_NOTIFY' }), 'x64');
    expect(n).toMatchObject({ notify: true, flags: FILTER_FLAG.TSYNC | FILTER_FLAG.TSYNC_ESRCH });
  });
});

describe('compileSeccomp: architectures', () => {
  it('native only: i386 calls and x32 calls get the bad-architecture kill, -1 the default', () => {
    const p = compileSeccomp(mkdirErrno(), 'x64').program;
    expect(run(p, { arch: AUDIT_ARCH_X86_64, nr: MKDIR64 })).toBe(EPERM);
    expect(run(p, { arch: AUDIT_ARCH_X86_64, nr: 0 })).toBe(RET.ALLOW);
    expect(run(p, { arch: AUDIT_ARCH_X86_64, nr: -1 })).toBe(RET.ALLOW);
    expect(run(p, { arch: AUDIT_ARCH_X86_64, nr: X32 + MKDIR64 })).toBe(RET.KILL_THREAD);
    expect(run(p, { arch: AUDIT_ARCH_I386, nr: MKDIR32 })).toBe(RET.KILL_THREAD);
    expect(run(p, { arch: AUDIT_ARCH_AARCH64, nr: 34 })).toBe(RET.KILL_THREAD);
  });

  it('x86 and x32 listed: each uses its own numbers', () => {
    const p = compileSeccomp(mkdirErrno({ architectures: ['SCMP_ARCH_X86', 'SCMP_ARCH_X32'] }), 'x64').program;
    expect(run(p, { arch: AUDIT_ARCH_I386, nr: MKDIR32 })).toBe(EPERM);
    expect(run(p, { arch: AUDIT_ARCH_I386, nr: MKDIR64 })).toBe(RET.ALLOW); // 83 is symlink on i386
    expect(run(p, { arch: AUDIT_ARCH_X86_64, nr: X32 + MKDIR64 })).toBe(EPERM);
    expect(run(p, { arch: AUDIT_ARCH_X86_64, nr: X32 + 0 })).toBe(RET.ALLOW);
    expect(run(p, { arch: AUDIT_ARCH_X86_64, nr: MKDIR64 })).toBe(EPERM);
  });

  it('architectures this kernel does not run change nothing', () => {
    const plain = compileSeccomp(mkdirErrno(), 'x64').program;
    expect(compileSeccomp(mkdirErrno({ architectures: ['SCMP_ARCH_MIPS', 'SCMP_ARCH_X86_64'] }), 'x64').program.equals(plain)).toBe(true);
  });

  it('aarch64: mkdirat by its generic number, no mkdir; other arches killed', () => {
    const p = compileSeccomp(mkdirErrno({ architectures: ['SCMP_ARCH_ARM'] }), 'arm64').program;
    expect(run(p, { arch: AUDIT_ARCH_AARCH64, nr: 34 })).toBe(EPERM);
    expect(run(p, { arch: AUDIT_ARCH_AARCH64, nr: 83 })).toBe(RET.ALLOW);
    expect(run(p, { arch: AUDIT_ARCH_X86_64, nr: MKDIR64 })).toBe(RET.KILL_THREAD);
    expect(run(p, { arch: 0x40000028, nr: 39 })).toBe(RET.KILL_THREAD); // arm: no table, bad architecture
  });

  it('refuses an architecture node does not run on', () => {
    expect(() => compileSeccomp(mkdirErrno(), 'ppc64')).toThrow(/no seccomp support for node's architecture ppc64/);
  });
});

describe('compileSeccomp: arguments as two 32-bit halves', () => {
  const HI = 0x1_0000_0000;
  const prog = (op: string, value: number, valueTwo?: number): Buffer =>
    compileSeccomp({ defaultAction: 'SCMP_ACT_ALLOW', syscalls: [{ names: ['ioctl'], action: 'SCMP_ACT_ERRNO', args: [{ index: 3, value, valueTwo, op }] }] }, 'x64').program;
  const hit = (p: Buffer, arg: bigint): boolean => run(p, { arch: AUDIT_ARCH_X86_64, nr: 16, args: [0n, 0n, 0n, arg] }) === EPERM;

  it('loads the high half at 16 + 8i + 4 and the low half at 16 + 8i', () => {
    const loads = decode(prog('SCMP_CMP_EQ', HI + 2)).filter((i) => i.code === OP.ldAbs).map((i) => i.k);
    expect(loads).toEqual([4, 0, 16 + 24 + 4, 16 + 24]);
    const cmp = decode(prog('SCMP_CMP_EQ', HI * 5 + 7)).filter((i) => i.code === OP.jeq).map((i) => i.k);
    expect(cmp).toEqual(expect.arrayContaining([5, 7]));
  });

  it('EQ and NE compare both halves', () => {
    const eq = prog('SCMP_CMP_EQ', HI + 2);
    expect([hit(eq, 0x1_0000_0002n), hit(eq, 2n), hit(eq, 0x2_0000_0002n), hit(eq, 0x1_0000_0003n)]).toEqual([true, false, false, false]);
    const ne = prog('SCMP_CMP_NE', HI + 2);
    expect([hit(ne, 0x1_0000_0002n), hit(ne, 2n), hit(ne, 0x2_0000_0002n)]).toEqual([false, true, true]);
  });

  it('GT, GE, LT, LE order by the high half first (unsigned 64-bit)', () => {
    const v = HI + 10;
    const probes = [9n, 0xffff_ffffn, 0x1_0000_0009n, 0x1_0000_000an, 0x1_0000_000bn, 0x2_0000_0000n, 0xffff_ffff_ffff_ffffn];
    const want = (f: (x: bigint) => boolean): boolean[] => probes.map(f);
    const V = BigInt(v);
    expect(probes.map((x) => hit(prog('SCMP_CMP_GT', v), x))).toEqual(want((x) => x > V));
    expect(probes.map((x) => hit(prog('SCMP_CMP_GE', v), x))).toEqual(want((x) => x >= V));
    expect(probes.map((x) => hit(prog('SCMP_CMP_LT', v), x))).toEqual(want((x) => x < V));
    expect(probes.map((x) => hit(prog('SCMP_CMP_LE', v), x))).toEqual(want((x) => x <= V));
  });

  it('MASKED_EQ masks each half before comparing with valueTwo', () => {
    const p = prog('SCMP_CMP_MASKED_EQ', HI * 3 + 0xf0, HI * 1 + 0x30);
    expect([hit(p, 0x1_0000_0030n), hit(p, 0x5_0000_0031n), hit(p, 0x3_0000_0030n), hit(p, 0x1_0000_0070n), hit(p, 0x30n)]).toEqual([true, true, false, false, false]);
  });

  it('value bits above 2^53 survive when given as bigint', () => {
    const big = 0xffff_ffff_ffff_fff0n;
    const p = compileSeccomp({ defaultAction: 'SCMP_ACT_ALLOW', syscalls: [{ names: ['ioctl'], action: 'SCMP_ACT_ERRNO', args: [{ index: 0, value: big as unknown as number, op: 'SCMP_CMP_EQ' }] }] }, 'x64').program;
    expect(run(p, { arch: AUDIT_ARCH_X86_64, nr: 16, args: [big] })).toBe(EPERM);
    expect(run(p, { arch: AUDIT_ARCH_X86_64, nr: 16, args: [big + 1n] })).toBe(RET.ALLOW);
  });
});

describe('compileSeccomp: rule order and several entries for one name', () => {
  it('entries for one name are OR, conditions within one AND; conditional entries before an unconditional one', () => {
    const p = compileSeccomp(
      {
        defaultAction: 'SCMP_ACT_ERRNO',
        syscalls: [
          { names: ['personality'], action: 'SCMP_ACT_ALLOW' },
          { names: ['personality'], action: 'SCMP_ACT_KILL_PROCESS', args: [{ index: 0, value: 8, op: 'SCMP_CMP_EQ' }] },
          { names: ['personality'], action: 'SCMP_ACT_LOG', args: [{ index: 0, value: 0x10, op: 'SCMP_CMP_GE' }, { index: 1, value: 5, op: 'SCMP_CMP_LT' }] },
        ],
      },
      'x64',
    ).program;
    const nr = syscallNumber('x86_64', 'personality')!;
    const ret = (a0: bigint, a1: bigint): number => run(p, { arch: AUDIT_ARCH_X86_64, nr, args: [a0, a1] });
    expect(ret(8n, 0n)).toBe(RET.KILL_PROCESS);
    expect(ret(0x20n, 4n)).toBe(RET.LOG);
    expect(ret(0x20n, 5n)).toBe(RET.ALLOW);
    expect(ret(0n, 0n)).toBe(RET.ALLOW);
    expect(run(p, { arch: AUDIT_ARCH_X86_64, nr: 0 })).toBe(EPERM);
  });
});

describe('compileSeccomp: BPF limits', () => {
  it('an allowlist of every x86_64, x86 and x32 name stays in range and within 4096 instructions', () => {
    const all = [...new Set(Object.values(SYSCALL_TABLES).flatMap((t) => t.names.split(' ').filter(Boolean)))];
    const c = compileSeccomp({ defaultAction: 'SCMP_ACT_ERRNO', architectures: ['SCMP_ARCH_X86', 'SCMP_ARCH_X32'], syscalls: [{ names: all, action: 'SCMP_ACT_ALLOW' }] }, 'x64');
    expect(c.program.length / 8).toBeLessThanOrEqual(4096);
    jumpsInRange(c.program);
    for (const [table, arch, base] of [['x86_64', AUDIT_ARCH_X86_64, 0], ['x86', AUDIT_ARCH_I386, 0], ['x32', AUDIT_ARCH_X86_64, X32]] as const) {
      SYSCALL_TABLES[table].names.split(' ').forEach((n, i) => {
        expect(run(c.program, { arch, nr: base + i })).toBe(n ? RET.ALLOW : EPERM);
      });
    }
  });

  it('an entry with 80 conditions keeps every conditional jump local', () => {
    const args = Array.from({ length: 80 }, (_, i) => ({ index: i % 6, value: 1000 + i, op: 'SCMP_CMP_LT' }));
    const c = compileSeccomp({ defaultAction: 'SCMP_ACT_ALLOW', syscalls: [{ names: ['ioctl'], action: 'SCMP_ACT_ERRNO', args }] }, 'x64');
    jumpsInRange(c.program);
    expect(run(c.program, { arch: AUDIT_ARCH_X86_64, nr: 16, args: [1n, 1n, 1n, 1n, 1n, 1n] })).toBe(EPERM);
    expect(run(c.program, { arch: AUDIT_ARCH_X86_64, nr: 16, args: [1n, 1n, 1n, 1n, 1n, 1079n] })).toBe(RET.ALLOW);
  });

  it('a program over 4096 instructions is refused with its size', () => {
    const syscalls = Array.from({ length: 700 }, (_, i) => ({ names: ['ioctl'], action: 'SCMP_ACT_ERRNO', args: [{ index: 1, value: i, op: 'SCMP_CMP_EQ' }] }));
    expect(() => compileSeccomp({ defaultAction: 'SCMP_ACT_ALLOW', syscalls }, 'x64')).toThrow(/linux\.seccomp: the filter needs \d+ BPF instructions, more than the kernel's limit of 4096/);
  });
});
