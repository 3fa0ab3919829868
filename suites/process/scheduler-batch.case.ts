import { defineCase, HOLD, readSched, startHeld } from '../case.js';

/** process.scheduler (1.1.0 on) SCHED_BATCH with nice 3: policy SCHED_BATCH and nice 3, read from /proc/<pid>/stat. Lowering priority needs no privilege. */
export default defineCase({
  id: 'process.scheduler.batch',
  title: 'process.scheduler SCHED_BATCH is the scheduling of the process',
  requirements: ['CFG-SCHEDULER-APPLIED'],
  needs: ['root'],
  config: (c) => c.withScript(HOLD).merge({ process: { scheduler: {policy: 'SCHED_BATCH',nice: 3} } }),
  run: async (ctx) => {
    ctx.expectMatch('CFG-SCHEDULER-APPLIED', 'scheduling of the process (/proc/<pid>/stat)', { policy: 'SCHED_BATCH', nice: 3 }, await readSched(await startHeld(ctx)));
  },
});
