import { defineCase } from '../../case.js';
import { allowExcept, MKDIR_NAMES, MKDIR_PROBE, parseProbe } from './_lib/profiles.js';

/** errnoRet chooses the errno: 28 (ENOSPC), which mkdir would never report here by itself. */
export default defineCase({
  id: 'linux.seccomp.errno-ret',
  title: 'errnoRet of an SCMP_ACT_ERRNO rule is the errno the syscall fails with',
  requirements: ['LNX-SECCOMP-ERRNORET-APPLIED'],
  needs: ['seccomp'],
  config: (c) => c.withSeccomp(allowExcept(MKDIR_NAMES, 'SCMP_ACT_ERRNO', { errnoRet: 28 })).withScript(MKDIR_PROBE),
  run: async (ctx) => {
    const p = parseProbe((await ctx.runToExit()).stdout);
    ctx.expectEqual('LNX-SECCOMP-ERRNORET-APPLIED', 'mkdir exit status', 1, p.rc);
    ctx.expect('LNX-SECCOMP-ERRNORET-APPLIED', /No space left on device/.test(p.msg), { message: `mkdir did not fail with errno 28 (ENOSPC): ${p.msg}`, expected: 'No space left on device', actual: p.msg });
    ctx.expectEqual('LNX-SECCOMP-ERRNORET-APPLIED', 'touch (not filtered) worked', true, p.touchOk);
  },
});
