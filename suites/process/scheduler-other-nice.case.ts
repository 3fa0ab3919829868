import { defineCase, HOLD, readSched, startHeld } from '../case.js';

/** process.scheduler (1.1.0 on) SCHED_OTHER with nice 7: policy SCHED_OTHER and nice 7 (stat fields 41 and 19), read from /proc/<pid>/stat. Lowering priority needs no privilege. */
export default defineCase({
  id: 'process.scheduler.other-nice',
  title: 'process.scheduler SCHED_OTHER is the scheduling of the process',
  requirements: ['CFG-SCHEDULER-APPLIED'],
  needs: ['root'],
  config: (c) => c.withScript(HOLD).merge({ process: { scheduler: {policy: 'SCHED_OTHER',nice: 7} } }),
  run: async (ctx) => {
    ctx.expectMatch('CFG-SCHEDULER-APPLIED', 'scheduling of the process (/proc/<pid>/stat)', { policy: 'SCHED_OTHER', nice: 7 }, await readSched(await startHeld(ctx)));
  },
});
