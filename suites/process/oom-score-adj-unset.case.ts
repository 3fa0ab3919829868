import { writeFile } from 'node:fs/promises';
import { defineCase, HOLD, readOomScoreAdj } from '../case.js';

/**
 * Without oomScoreAdj the runtime leaves the value alone: the container
 * process has what the runtime inherited from us. Our own value is usually 0,
 * which a runtime writing 0 would match too, so for the `create` call we raise
 * ours to a value no runtime would pick (raising needs no privilege) and put
 * it back right after: the runtime and the container inherit that value.
 */
export default defineCase({
  id: 'process.oom-score-adj.unset',
  title: 'without oomScoreAdj, oom_score_adj is left as the runtime inherited it',
  requirements: ['CFG-OOMSCOREADJ-UNSET'],
  config: (c) => c.withScript(HOLD).edit((d) => void delete (d.process as Record<string, unknown>).oomScoreAdj),
  run: async (ctx) => {
    const ours = await readOomScoreAdj('self');
    const inherited = ours === 321 ? 322 : 321;
    if (inherited < ours) ctx.skip(`our oom_score_adj is ${ours}; lowering it to give the runtime a distinct value needs CAP_SYS_RESOURCE`);
    await writeFile('/proc/self/oom_score_adj', String(inherited));
    try {
      await ctx.create();
    } finally {
      await writeFile('/proc/self/oom_score_adj', String(ours)).catch((e: Error) => ctx.note(`could not put our oom_score_adj back to ${ours}: ${e.message}`));
    }
    await ctx.start();
    await ctx.waitForOutput('ready');
    ctx.expectEqual('CFG-OOMSCOREADJ-UNSET', `/proc/<pid>/oom_score_adj (the runtime was started with ${inherited})`, inherited, await readOomScoreAdj(await ctx.pid()));
  },
});
