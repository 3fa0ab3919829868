import { defineCase } from '../../case.js';
import { allowExcept, MKDIR_NAMES, MKDIR_PROBE, parseProbe } from './_lib/profiles.js';

/**
 * SCMP_ACT_ERRNO on mkdir/mkdirat without errnoRet: mkdir fails with EPERM
 * (the default errno), makes nothing, and other syscalls (touch) still work.
 */
export default defineCase({
  id: 'linux.seccomp.errno-default',
  title: 'an SCMP_ACT_ERRNO rule makes the named syscall fail with EPERM, and only it',
  requirements: ['LNX-SECCOMP-FILTER-APPLIED'],
  needs: ['seccomp'],
  config: (c) => c.withSeccomp(allowExcept(MKDIR_NAMES, 'SCMP_ACT_ERRNO')).withScript(MKDIR_PROBE),
  run: async (ctx) => {
    const p = parseProbe((await ctx.runToExit()).stdout);
    ctx.expectEqual('LNX-SECCOMP-FILTER-APPLIED', 'mkdir exit status', 1, p.rc);
    ctx.expect('LNX-SECCOMP-FILTER-APPLIED', /Operation not permitted/.test(p.msg), { message: `mkdir did not fail with EPERM: ${p.msg}`, expected: 'Operation not permitted', actual: p.msg });
    ctx.expectEqual('LNX-SECCOMP-FILTER-APPLIED', 'the blocked mkdir made /tmp/probe', false, p.made);
    ctx.expectEqual('LNX-SECCOMP-FILTER-APPLIED', 'touch (not filtered) worked', true, p.touchOk);
  },
});
