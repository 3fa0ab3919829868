import { defineCase, HOLD, readStatus, startHeld } from '../case.js';

/**
 * process.noNewPrivileges false leaves no_new_privs unset (the bit is
 * inherited and can't be cleared, so this only means something when the
 * harness itself runs without it).
 */
export default defineCase({
  id: 'process.no-new-privileges.off',
  title: 'noNewPrivileges false leaves no_new_privs unset',
  requirements: ['CFG-NONEWPRIVILEGES-APPLIED'],
  config: (c) => c.withNoNewPrivileges(false).withScript(HOLD),
  run: async (ctx) => {
    if ((await readStatus('self')).noNewPrivileges) ctx.skip('the harness itself runs with no_new_privs set, which every child inherits');
    const s = await readStatus(await startHeld(ctx));
    ctx.expectEqual('CFG-NONEWPRIVILEGES-APPLIED', 'NoNewPrivs of /proc/<pid>/status', false, s.noNewPrivileges);
  },
});
