import { defineCase, HOLD, hostIds, readStatus, startHeld } from '../case.js';

/** process.user.additionalGids are the supplementary groups of the process (Groups in /proc/<pid>/status). */
export default defineCase({
  id: 'process.user.additional-gids',
  title: 'additionalGids become the supplementary groups of the process',
  requirements: ['CFG-USER-ADDITIONALGIDS-APPLIED'],
  // the process runs as a uid other than 0, which must exist in the container
  needs: ['mapped-ids'],
  config: (c) => c.withUser({ uid: 4242, gid: 4343, additionalGids: [5001, 5000, 6000] }).withScript(HOLD),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const s = await readStatus(pid);
    // The gids are the container's: the host sees them through the container's user namespace, if it has one.
    const want = await hostIds(pid, 'gid', [5000, 5001, 6000]);
    ctx.expectEqual('CFG-USER-ADDITIONALGIDS-APPLIED', 'Groups of /proc/<pid>/status (sorted; container gids 5000, 5001, 6000 as the host sees them)', want, [...s.groups].sort((a, b) => a - b));
  },
});
