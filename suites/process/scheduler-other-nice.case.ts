import { defineCase } from '../case.js';
import { readSched } from '../../harness/inspect/process.js';
import { HOLD, startHeld } from './_lib/running.js';
import { needSpec } from './_lib/version.js';

/** process.scheduler (1.1.0 on) SCHED_OTHER with nice 7: policy SCHED_OTHER and nice 7 (stat fields 41 and 19), read from /proc/<pid>/stat. Lowering priority needs no privilege. */
export default defineCase({
  id: 'process.scheduler.other-nice',
  title: 'process.scheduler SCHED_OTHER is the scheduling of the process',
  requirements: ['RT-START-RUNS-PROCESS'],
  needs: ['root'],
  config: (c) => c.withScript(HOLD).merge({ process: { scheduler: {policy: 'SCHED_OTHER',nice: 7} } }),
  run: async (ctx) => {
    needSpec(ctx, '1.1.0', 'process.scheduler');
    ctx.expectMatch('RT-START-RUNS-PROCESS', 'scheduling of the process (/proc/<pid>/stat)', { policy: 'SCHED_OTHER', nice: 7 }, await readSched(await startHeld(ctx)));
  },
});
