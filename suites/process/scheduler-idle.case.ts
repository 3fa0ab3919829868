import { defineCase, HOLD, readSched, startHeld } from '../case.js';

/** process.scheduler (1.1.0 on) SCHED_IDLE: policy SCHED_IDLE (nice does not apply), read from /proc/<pid>/stat. Lowering priority needs no privilege. */
export default defineCase({
  id: 'process.scheduler.idle',
  title: 'process.scheduler SCHED_IDLE is the scheduling of the process',
  requirements: ['CFG-SCHEDULER-APPLIED'],
  needs: ['root'],
  config: (c) => c.withScript(HOLD).merge({ process: { scheduler: {policy: 'SCHED_IDLE'} } }),
  run: async (ctx) => {
    ctx.expectMatch('CFG-SCHEDULER-APPLIED', 'scheduling of the process (/proc/<pid>/stat)', { policy: 'SCHED_IDLE' }, await readSched(await startHeld(ctx)));
  },
});
