import { defineCase, HOLD, readOomScoreAdj, startHeld } from '../case.js';

/** oomScoreAdj 613 becomes /proc/<pid>/oom_score_adj (raising it needs no privilege). */
export default defineCase({
  id: 'process.oom-score-adj.positive',
  title: 'a positive oomScoreAdj is the oom_score_adj of the process',
  requirements: ['CFG-OOMSCOREADJ-SET'],
  config: (c) => c.withOomScoreAdj(613).withScript(HOLD),
  run: async (ctx) => {
    ctx.expectEqual('CFG-OOMSCOREADJ-SET', '/proc/<pid>/oom_score_adj', 613, await readOomScoreAdj(await startHeld(ctx)));
  },
});
