import { defineCase, HOLD, readOomScoreAdj, startHeld } from '../case.js';

/** oomScoreAdj -517 becomes /proc/<pid>/oom_score_adj (lowering it needs CAP_SYS_RESOURCE). */
export default defineCase({
  id: 'process.oom-score-adj.negative',
  title: 'a negative oomScoreAdj is the oom_score_adj of the process',
  requirements: ['CFG-OOMSCOREADJ-SET'],
  needs: ['cap-sys-resource'],
  config: (c) => c.withOomScoreAdj(-517).withScript(HOLD),
  run: async (ctx) => {
    ctx.expectEqual('CFG-OOMSCOREADJ-SET', '/proc/<pid>/oom_score_adj', -517, await readOomScoreAdj(await startHeld(ctx)));
  },
});
