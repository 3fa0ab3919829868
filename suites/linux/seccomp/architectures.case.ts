import { defineCase } from '../../case.js';
import { allowExcept, MKDIR_NAMES, MKDIR_PROBE, nativeArchitectures, parseProbe } from './_lib/profiles.js';

/** With architectures naming this machine's native arch (and its compat arches), the rules apply to our native programs. */
export default defineCase({
  id: 'linux.seccomp.architectures',
  title: 'a profile listing the native architecture filters native syscalls',
  requirements: ['LNX-SECCOMP-FILTER-APPLIED'],
  needs: ['seccomp'],
  config: (c) => c.withSeccomp(allowExcept(MKDIR_NAMES, 'SCMP_ACT_ERRNO', {}, { architectures: nativeArchitectures() ?? [] })).withScript(MKDIR_PROBE),
  run: async (ctx) => {
    if (!nativeArchitectures()) ctx.skip(`no libseccomp architecture names known for node's arch ${process.arch}`);
    const p = parseProbe((await ctx.runToExit()).stdout);
    ctx.expect('LNX-SECCOMP-FILTER-APPLIED', p.rc === 1 && /Operation not permitted/.test(p.msg), { message: `mkdir was not refused with EPERM: rc=${p.rc} ${p.msg}`, expected: 'rc=1, Operation not permitted', actual: `rc=${p.rc} ${p.msg}` });
  },
});
