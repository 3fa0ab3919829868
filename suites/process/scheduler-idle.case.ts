import { schedulerCase } from './_lib/scheduling.js';

/** process.scheduler (1.1.0 on) SCHED_IDLE: policy SCHED_IDLE (nice does not apply), read from /proc/<pid>/stat. Lowering priority needs no privilege. */
export default schedulerCase('idle', { policy: 'SCHED_IDLE' });
