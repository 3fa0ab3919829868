import { defineCase } from '../../case.js';
import { allowExcept, MKDIR_NAMES, MKDIR_PROBE, parseProbe } from './_lib/profiles.js';

/**
 * SCMP_ACT_LOG lets the syscall through (it is only logged): mkdir works.
 * Paired with the ERRNO cases, this shows the runtime maps actions one by one
 * instead of blocking whatever a rule names.
 */
export default defineCase({
  id: 'linux.seccomp.log',
  title: 'an SCMP_ACT_LOG rule lets the named syscall succeed',
  requirements: ['LNX-SECCOMP-ACTION-LOG'],
  needs: ['seccomp'],
  config: (c) => c.withSeccomp(allowExcept(MKDIR_NAMES, 'SCMP_ACT_LOG')).withScript(MKDIR_PROBE),
  run: async (ctx) => {
    const p = parseProbe((await ctx.runToExit()).stdout);
    ctx.expectEqual('LNX-SECCOMP-ACTION-LOG', 'mkdir exit status', 0, p.rc);
    ctx.expectEqual('LNX-SECCOMP-ACTION-LOG', 'mkdir made /tmp/probe', true, p.made);
  },
});
