import { defineCase, HOLD, readStatus, startHeld } from '../case.js';

/** process.noNewPrivileges true sets the no_new_privs bit of the process (NoNewPrivs: 1). */
export default defineCase({
  id: 'process.no-new-privileges.on',
  title: 'noNewPrivileges true sets no_new_privs on the process',
  requirements: ['CFG-NONEWPRIVILEGES-APPLIED'],
  config: (c) => c.withNoNewPrivileges(true).withScript(HOLD),
  run: async (ctx) => {
    const s = await readStatus(await startHeld(ctx));
    ctx.expectEqual('CFG-NONEWPRIVILEGES-APPLIED', 'NoNewPrivs of /proc/<pid>/status', true, s.noNewPrivileges);
  },
});
