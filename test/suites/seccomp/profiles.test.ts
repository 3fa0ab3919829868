import { describe, expect, it } from 'vitest';
import { allowExcept, chmodModeErrno, nativeArchitectures, parseProbe } from '../../../suites/linux/seccomp/_lib/profiles.js';

describe('seccomp case helpers', () => {
  it('builds an allow-by-default profile with one rule', () => {
    expect(allowExcept(['mkdir'], 'SCMP_ACT_ERRNO', { errnoRet: 28 }, { architectures: ['SCMP_ARCH_X86_64'] })).toEqual({
      defaultAction: 'SCMP_ACT_ALLOW',
      architectures: ['SCMP_ARCH_X86_64'],
      syscalls: [{ names: ['mkdir'], action: 'SCMP_ACT_ERRNO', errnoRet: 28 }],
    });
  });

  it('puts a mode condition on chmod (argument 1) and fchmodat (argument 2)', () => {
    expect(chmodModeErrno({ value: 2, valueTwo: 2, op: 'SCMP_CMP_MASKED_EQ' })).toEqual({
      defaultAction: 'SCMP_ACT_ALLOW',
      syscalls: [
        { names: ['chmod'], action: 'SCMP_ACT_ERRNO', args: [{ index: 1, value: 2, valueTwo: 2, op: 'SCMP_CMP_MASKED_EQ' }] },
        { names: ['fchmodat'], action: 'SCMP_ACT_ERRNO', args: [{ index: 2, value: 2, valueTwo: 2, op: 'SCMP_CMP_MASKED_EQ' }] },
      ],
    });
  });

  it('parses the probe output of a blocked and of an allowed mkdir', () => {
    expect(parseProbe("rc=1\nmsg=mkdir: can't create directory '/tmp/probe': Operation not permitted\nmade=no\ntouch=ok\n")).toEqual({
      rc: 1,
      msg: "mkdir: can't create directory '/tmp/probe': Operation not permitted",
      made: false,
      touchOk: true,
    });
    expect(parseProbe('rc=159\nmsg=\nmade=no\n')).toEqual({ rc: 159, msg: '', made: false, touchOk: false });
    expect(parseProbe('')).toEqual({ rc: undefined, msg: '', made: false, touchOk: false });
  });

  it('knows the native and compat arches of common machines', () => {
    expect(nativeArchitectures('x64')).toEqual(['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32']);
    expect(nativeArchitectures('arm64')?.[0]).toBe('SCMP_ARCH_AARCH64');
    expect(nativeArchitectures('mips')).toBeUndefined();
  });
});
