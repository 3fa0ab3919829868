import { defineCase } from '../case.js';
import { readSched } from '../../harness/inspect/process.js';
import { HOLD, startHeld } from './_lib/running.js';
import { needSpec } from './_lib/version.js';

/** process.scheduler (1.1.0 on) SCHED_BATCH with nice 3: policy SCHED_BATCH and nice 3, read from /proc/<pid>/stat. Lowering priority needs no privilege. */
export default defineCase({
  id: 'process.scheduler.batch',
  title: 'process.scheduler SCHED_BATCH is the scheduling of the process',
  requirements: ['RT-START-RUNS-PROCESS'],
  needs: ['root'],
  config: (c) => c.withScript(HOLD).merge({ process: { scheduler: {policy: 'SCHED_BATCH',nice: 3} } }),
  run: async (ctx) => {
    needSpec(ctx, '1.1.0', 'process.scheduler');
    ctx.expectMatch('RT-START-RUNS-PROCESS', 'scheduling of the process (/proc/<pid>/stat)', { policy: 'SCHED_BATCH', nice: 3 }, await readSched(await startHeld(ctx)));
  },
});
