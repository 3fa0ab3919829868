import { schedulerCase } from './_lib/scheduling.js';

/** process.scheduler (1.1.0 on) SCHED_BATCH with nice 3: policy SCHED_BATCH and nice 3, read from /proc/<pid>/stat. Lowering priority needs no privilege. */
export default schedulerCase('batch', { policy: 'SCHED_BATCH', nice: 3 });
