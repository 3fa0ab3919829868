import { defineCase, readStatus } from '../../case.js';
import { startUp, UP } from '../../_lib/lifecycle.js';
import { allowExcept, MKDIR_NAMES } from './_lib/profiles.js';

/** Seen from the host, a container process with a seccomp profile is in filter mode (Seccomp: 2 in /proc/<pid>/status). */
export default defineCase({
  id: 'linux.seccomp.filter-mode',
  title: 'the container process runs in seccomp filter mode',
  requirements: ['LNX-SECCOMP-FILTER-APPLIED'],
  needs: ['seccomp'],
  config: (c) => c.withSeccomp(allowExcept(MKDIR_NAMES, 'SCMP_ACT_ERRNO')).withScript(UP),
  run: async (ctx) => {
    await startUp(ctx);
    const st = await readStatus(await ctx.pid());
    ctx.expectEqual('LNX-SECCOMP-FILTER-APPLIED', 'Seccomp field of /proc/<pid>/status', 2, st.seccomp);
  },
});
