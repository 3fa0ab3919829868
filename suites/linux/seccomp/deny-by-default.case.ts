import { defineCase } from '../../case.js';
import { denyExcept, MKDIR_PROBE, parseProbe, SHELL_SYSCALLS } from './_lib/profiles.js';

/**
 * A deny-by-default profile (defaultAction SCMP_ACT_ERRNO, an allowlist of
 * what the shell needs): a syscall the list leaves out (mkdir/mkdirat) fails
 * with EPERM, while the allowed ones (touch) work. The other seccomp cases
 * use ALLOW as the default, so only this one fails a runtime that loads the
 * profile with its default action turned to allow.
 */
export default defineCase({
  id: 'linux.seccomp.deny-by-default',
  title: 'under defaultAction SCMP_ACT_ERRNO a syscall left off the allowlist fails with EPERM, allowed ones work',
  requirements: ['LNX-SECCOMP-FILTER-APPLIED'],
  needs: ['seccomp'],
  config: (c) => c.withSeccomp(denyExcept(SHELL_SYSCALLS)).withScript(MKDIR_PROBE),
  run: async (ctx) => {
    const p = parseProbe((await ctx.runToExit()).stdout);
    if (!p.touchOk) ctx.skip(`the shell could not run its probe under the allowlist (touch failed: ${JSON.stringify(p)}); this libc/architecture needs a syscall the list lacks, so the default action could not be told apart`);
    ctx.expectEqual('LNX-SECCOMP-FILTER-APPLIED', 'the mkdir left off the allowlist made /tmp/probe', false, p.made);
    ctx.expect('LNX-SECCOMP-FILTER-APPLIED', p.rc !== 0 && /Operation not permitted/.test(p.msg), { message: `mkdir did not fail with EPERM (the default action): rc ${p.rc}, ${p.msg}`, expected: 'Operation not permitted', actual: p.msg });
  },
});
