import { defineCase } from '../../case.js';
import { allowExcept, MKDIR_NAMES, MKDIR_PROBE, parseProbe } from './_lib/profiles.js';

/**
 * SCMP_ACT_KILL on mkdir/mkdirat: the mkdir process dies of SIGSYS (exit status 159 =
 * 128 + 31 in the shell) and makes nothing; the shell that ran it lives on.
 */
export default defineCase({
  id: 'linux.seccomp.kill',
  title: 'SCMP_ACT_KILL kills the process making the named syscall with SIGSYS',
  requirements: ['LNX-SECCOMP-FILTER-APPLIED'],
  needs: ['root', 'seccomp'],
  config: (c) => c.withSeccomp(allowExcept(MKDIR_NAMES, 'SCMP_ACT_KILL')).withScript(MKDIR_PROBE),
  run: async (ctx) => {
    const p = parseProbe((await ctx.runToExit()).stdout);
    ctx.expectEqual('LNX-SECCOMP-FILTER-APPLIED', 'exit status of mkdir (128 + SIGSYS)', 159, p.rc);
    ctx.expectEqual('LNX-SECCOMP-FILTER-APPLIED', 'the killed mkdir made /tmp/probe', false, p.made);
    ctx.expectEqual('LNX-SECCOMP-FILTER-APPLIED', 'touch (not filtered) worked', true, p.touchOk);
  },
});
