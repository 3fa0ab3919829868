import { schedulerCase } from './_lib/scheduling.js';

/** process.scheduler (1.1.0 on) SCHED_OTHER with nice 7: policy SCHED_OTHER and nice 7 (stat fields 41 and 19), read from /proc/<pid>/stat. Lowering priority needs no privilege. */
export default schedulerCase('other-nice', { policy: 'SCHED_OTHER', nice: 7 });
