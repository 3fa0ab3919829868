import { defineCase, HOLD, readStatus, startHeld } from '../case.js';

/** process.user.additionalGids are the supplementary groups of the process (Groups in /proc/<pid>/status). */
export default defineCase({
  id: 'process.user.additional-gids',
  title: 'additionalGids become the supplementary groups of the process',
  requirements: ['CFG-USER-ADDITIONALGIDS-APPLIED'],
  // the process runs as a uid other than 0, which must exist in the container
  needs: ['mapped-ids'],
  config: (c) => c.withUser({ uid: 4242, gid: 4343, additionalGids: [5001, 5000, 6000] }).withScript(HOLD),
  run: async (ctx) => {
    const s = await readStatus(await startHeld(ctx));
    ctx.expectEqual('CFG-USER-ADDITIONALGIDS-APPLIED', 'Groups of /proc/<pid>/status (sorted)', [5000, 5001, 6000], [...s.groups].sort((a, b) => a - b));
  },
});
