import { ioPriorityCase } from './_lib/scheduling.js';

/** process.ioPriority (1.1.0 on) IOPRIO_CLASS_IDLE 0 is the io priority of the process (read with ionice -p from the host). */
export default ioPriorityCase({ slug: 'idle', ioPriority: { class: 'IOPRIO_CLASS_IDLE', priority: 0 }, expected: { class: 'IOPRIO_CLASS_IDLE' } });
