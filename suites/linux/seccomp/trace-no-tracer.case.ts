import { defineCase } from '../../case.js';
import { allowExcept, MKDIR_NAMES, MKDIR_PROBE, parseProbe } from './_lib/profiles.js';

/**
 * SCMP_ACT_TRACE with no tracer attached: the kernel fails the syscall with
 * ENOSYS ("Function not implemented"), so mkdir fails with that and makes nothing.
 */
export default defineCase({
  id: 'linux.seccomp.trace-no-tracer',
  title: 'an SCMP_ACT_TRACE rule with no tracer makes the syscall fail with ENOSYS',
  requirements: ['LNX-SECCOMP-FILTER-APPLIED'],
  needs: ['seccomp'],
  config: (c) => c.withSeccomp(allowExcept(MKDIR_NAMES, 'SCMP_ACT_TRACE')).withScript(MKDIR_PROBE),
  run: async (ctx) => {
    const p = parseProbe((await ctx.runToExit()).stdout);
    ctx.expect('LNX-SECCOMP-FILTER-APPLIED', p.rc === 1 && /Function not implemented/.test(p.msg), { message: `mkdir did not fail with ENOSYS: rc=${p.rc} ${p.msg}`, expected: 'rc=1, Function not implemented', actual: `rc=${p.rc} ${p.msg}` });
    ctx.expectEqual('LNX-SECCOMP-FILTER-APPLIED', 'the traced mkdir made /tmp/probe', false, p.made);
  },
});
