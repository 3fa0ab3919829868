/** scripts/syscall-table.ts: the committed table is what this machine's kernel headers give, and its preprocessor. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUnistd, renderArch, renderSyscalls, SYSCALLS_FILE } from '../../scripts/syscall-table.js';
import { syscallNumber } from '../../runtime/init/seccomp/names.js';

describe('syscall-table', () => {
  it.skipIf(!existsSync('/usr/include/asm-generic/unistd.h') || !existsSync('/usr/include/x86_64-linux-gnu/asm/unistd_64.h'))(
    'runtime/init/seccomp/syscalls.ts matches the kernel headers',
    () => {
      expect(readFileSync(SYSCALLS_FILE, 'utf8')).toBe(renderSyscalls());
    },
  );

  it('follows #if/#ifdef/#else and resolves names defined through other macros', () => {
    const text = [
      '#define __NR_a 0',
      '#ifdef WANT_B',
      '#define __NR_b 1',
      '#else',
      '#define __NR_notb 1',
      '#endif',
      '#define __NR3264_c 2',
      '#if __BITS_PER_LONG == 64 && !defined(COMPAT)',
      '#define __NR_c __NR3264_c',
      '#endif',
      '#if defined(NOPE) || __BITS_PER_LONG != 64',
      '#define __NR_d 3',
      '#endif',
      '#define __NR_e (BIT + 4)',
      '#define __NR_syscalls 5',
    ].join('\n');
    const t = parseUnistd(text, { __BITS_PER_LONG: '64', WANT_B: '', BIT: '0x40000000' });
    expect(Object.fromEntries(t)).toEqual({ a: 0, b: 1, c: 2, e: 0x40000004 });
    expect(renderArch(new Map([['a', 0], ['c', 2]]), 0)).toBe('a  c');
  });

  it('has the numbers the seccomp cases rely on', () => {
    expect([syscallNumber('x86_64', 'mkdir'), syscallNumber('x86_64', 'mkdirat'), syscallNumber('x86_64', 'fchmodat')]).toEqual([83, 258, 268]);
    expect([syscallNumber('x86', 'mkdir'), syscallNumber('x86', 'chmod')]).toEqual([39, 15]);
    expect(syscallNumber('x32', 'mkdir')).toBe(0x40000000 + 83);
    expect([syscallNumber('aarch64', 'mkdir'), syscallNumber('aarch64', 'mkdirat'), syscallNumber('aarch64', 'fchmodat'), syscallNumber('aarch64', 'newfstatat')]).toEqual([undefined, 34, 53, 79]);
  });
});
