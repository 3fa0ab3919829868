/** checkSeccomp: what create refuses (one line naming the field), and the warnings it returns. */
import { describe, expect, it } from 'vitest';
import { checkSeccomp, seccompAsOf } from '../../../../runtime/init/seccomp/check.js';
import type { Seccomp } from '../../../../runtime/spec.js';

const base = (rule: object = {}, top: object = {}): Seccomp => ({ defaultAction: 'SCMP_ACT_ALLOW', ...top, syscalls: [{ names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_ERRNO', ...rule }] });

describe('checkSeccomp refusals', () => {
  const cases: [string, Seccomp, RegExp][] = [
    ['unknown defaultAction', { defaultAction: 'SCMP_ACT_MAYBE' }, /^linux\.seccomp\.defaultAction: unknown action "SCMP_ACT_MAYBE"/],
    ['missing defaultAction', {} as Seccomp, /^linux\.seccomp\.defaultAction: missing/],
    ['NOTIFY as default', { defaultAction: 'SCMP_ACT_NOTIFY', listenerPath: '/run/l.sock' }, /^linux\.seccomp\.defaultAction: SCMP_ACT_NOTIFY cannot be the default action/],
    ['unknown rule action', base({ action: 'SCMP_ACT_NOPE' }), /^linux\.seccomp\.syscalls\[0\]\.action: unknown action "SCMP_ACT_NOPE"/],
    ['unknown architecture', base({}, { architectures: ['SCMP_ARCH_X86_64', 'SCMP_ARCH_Z80'] }), /^linux\.seccomp\.architectures\[1\]: unknown architecture "SCMP_ARCH_Z80"/],
    ['unknown flag', base({}, { flags: ['SECCOMP_FILTER_FLAG_FAST'] }), /^linux\.seccomp\.flags\[0\]: unknown flag "SECCOMP_FILTER_FLAG_FAST"/],
    ['errnoRet with KILL', base({ action: 'SCMP_ACT_KILL', errnoRet: 28 }), /^linux\.seccomp\.syscalls\[0\]\.errnoRet: SCMP_ACT_KILL returns no errno/],
    ['defaultErrnoRet with ALLOW', { defaultAction: 'SCMP_ACT_ALLOW', defaultErrnoRet: 28 }, /^linux\.seccomp\.defaultErrnoRet: SCMP_ACT_ALLOW returns no errno/],
    ['errnoRet above MAX_ERRNO', base({ errnoRet: 5000 }), /^linux\.seccomp\.syscalls\[0\]\.errnoRet: 5000 is not an integer from 0 to 4095/],
    ['unknown operator', base({ args: [{ index: 0, value: 1, op: 'SCMP_CMP_ABOUT' }] }), /^linux\.seccomp\.syscalls\[0\]\.args\[0\]\.op: unknown operator "SCMP_CMP_ABOUT"/],
    ['argument index 6', base({ args: [{ index: 6, value: 1, op: 'SCMP_CMP_EQ' }] }), /^linux\.seccomp\.syscalls\[0\]\.args\[0\]\.index: 6 is not an argument index \(0 to 5\)/],
    ['negative value', base({ args: [{ index: 0, value: -1, op: 'SCMP_CMP_EQ' }] }), /^linux\.seccomp\.syscalls\[0\]\.args\[0\]\.value: -1 is not a 64-bit unsigned integer/],
    ['value of 2^64 (what JSON.parse makes of 18446744073709551615)', base({ args: [{ index: 0, value: 2 ** 64, op: 'SCMP_CMP_EQ' }] }), /value: 18446744073709552000 is not a 64-bit unsigned integer/],
    ['empty names', { defaultAction: 'SCMP_ACT_ALLOW', syscalls: [{ names: [], action: 'SCMP_ACT_ERRNO' }] }, /^linux\.seccomp\.syscalls\[0\]\.names: missing or empty/],
    ['NOTIFY without listenerPath', base({ action: 'SCMP_ACT_NOTIFY' }), /^linux\.seccomp\.syscalls: an SCMP_ACT_NOTIFY rule needs listenerPath/],
    ['NOTIFY on connect (the hand-over itself)', { defaultAction: 'SCMP_ACT_ALLOW', listenerPath: '/l', syscalls: [{ names: ['openat', 'connect'], action: 'SCMP_ACT_NOTIFY' }] }, /^linux\.seccomp\.syscalls\[0\]: SCMP_ACT_NOTIFY on connect, which the runtime needs/],
    ['listenerMetadata without listenerPath', base({}, { listenerMetadata: 'x' }), /^linux\.seccomp\.listenerMetadata: set without listenerPath/],
    ['WAIT_KILLABLE_RECV without NOTIFY', base({}, { flags: ['SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV'] }), /^linux\.seccomp\.flags: SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV needs an SCMP_ACT_NOTIFY rule/],
  ];
  it.each(cases)('%s', (_what, s, message) => {
    expect(() => checkSeccomp(s, '1.3.0')).toThrow(message);
  });

  it('errnoRet and defaultErrnoRet only from the version that has them (1.0.2-dev on); before, unknown properties: ignored with a warning', () => {
    expect(checkSeccomp(base({ errnoRet: 28 }), '1.0.2')).toEqual([expect.stringMatching(/^linux\.seccomp\.syscalls\[0\]\.errnoRet: not part of runtime-spec 1\.0\.2 .*: ignored$/)]);
    expect(checkSeccomp({ defaultAction: 'SCMP_ACT_ERRNO', defaultErrnoRet: 28 }, '1.0.1')).toEqual([expect.stringMatching(/^linux\.seccomp\.defaultErrnoRet: not part of runtime-spec 1\.0\.1 .*: ignored$/)]);
    // ignored means not applied, and not judged either: errnoRet on a KILL rule is no refusal where errnoRet is unknown
    expect(seccompAsOf({ defaultAction: 'SCMP_ACT_ERRNO', defaultErrnoRet: 28, syscalls: [{ names: ['mkdir'], action: 'SCMP_ACT_ERRNO', errnoRet: 38 }] }, '1.0.1')).toEqual({ defaultAction: 'SCMP_ACT_ERRNO', syscalls: [{ names: ['mkdir'], action: 'SCMP_ACT_ERRNO' }] });
    expect(checkSeccomp(base({ action: 'SCMP_ACT_KILL', errnoRet: 28 }), '1.0.1')).toHaveLength(1);
    expect(() => checkSeccomp(base({ action: 'SCMP_ACT_KILL', errnoRet: 28 }), '1.1.0')).toThrow(/errnoRet/);
    expect(checkSeccomp(base({ errnoRet: 28 }), '1.0.2-dev')).toEqual([]);
    expect(checkSeccomp(base({ errnoRet: 28 }), '1.1.0')).toEqual([]);
  });
});

describe('checkSeccomp accepts, with warnings', () => {
  it('every flag this kernel has (probed through seccomp(2), nothing installed)', () => {
    const s = base({ action: 'SCMP_ACT_NOTIFY' }, { listenerPath: '/run/l.sock', flags: ['SECCOMP_FILTER_FLAG_TSYNC', 'SECCOMP_FILTER_FLAG_LOG', 'SECCOMP_FILTER_FLAG_SPEC_ALLOW', 'SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV'] });
    expect(checkSeccomp(s, '1.3.0')).toEqual([]);
    expect(checkSeccomp(base({ action: 'SCMP_ACT_KILL_PROCESS' }), '1.3.0')).toEqual([]);
  });

  it('a name this architecture lacks is skipped with a warning naming the tables', () => {
    const w = checkSeccomp({ defaultAction: 'SCMP_ACT_ALLOW', syscalls: [{ names: ['no_such_call', 'mkdir'], action: 'SCMP_ACT_ERRNO' }] }, '1.3.0');
    expect(w).toEqual([expect.stringMatching(/^linux\.seccomp\.syscalls\[0\]: syscall no_such_call unknown on (x86_64|aarch64); skipped there$/)]);
  });

  it('a value newer than ociVersion is applied with a warning', () => {
    expect(checkSeccomp(base({ action: 'SCMP_ACT_KILL_PROCESS' }), '1.0.2')).toEqual([expect.stringMatching(/syscalls\[0\]\.action: SCMP_ACT_KILL_PROCESS is newer than ociVersion 1\.0\.2/)]);
  });

  it('one name with two unconditional actions: the first applies, with a warning', () => {
    const s: Seccomp = { defaultAction: 'SCMP_ACT_ALLOW', syscalls: [{ names: ['mkdir'], action: 'SCMP_ACT_ERRNO' }, { names: ['mkdir'], action: 'SCMP_ACT_LOG' }] };
    expect(checkSeccomp(s, '1.3.0')).toEqual(['linux.seccomp.syscalls[1]: mkdir already has SCMP_ACT_ERRNO from syscalls[0], which applies; SCMP_ACT_LOG does not']);
  });

  it('listenerPath without a NOTIFY rule: a warning', () => {
    expect(checkSeccomp(base({}, { listenerPath: '/run/l.sock' }), '1.3.0')).toEqual([expect.stringMatching(/listenerPath: no SCMP_ACT_NOTIFY rule/)]);
  });
});
