import { defineCase } from '../case.js';
import { readOomScoreAdj } from '../../harness/inspect/process.js';
import { HOLD, startHeld } from './_lib/running.js';

/**
 * Without oomScoreAdj the runtime leaves the value alone: the container
 * process has what the runtime inherited from us.
 */
export default defineCase({
  id: 'process.oom-score-adj.unset',
  title: 'without oomScoreAdj, oom_score_adj is left as the runtime inherited it',
  requirements: ['CFG-OOMSCOREADJ-UNSET'],
  needs: ['root'],
  config: (c) => c.withScript(HOLD).edit((d) => void delete (d.process as Record<string, unknown>).oomScoreAdj),
  run: async (ctx) => {
    const ours = await readOomScoreAdj('self');
    ctx.expectEqual('CFG-OOMSCOREADJ-UNSET', '/proc/<pid>/oom_score_adj (ours is the expected)', ours, await readOomScoreAdj(await startHeld(ctx)));
  },
});
