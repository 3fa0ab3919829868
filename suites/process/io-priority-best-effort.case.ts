import { ioPriorityCase } from './_lib/scheduling.js';

/** process.ioPriority (1.1.0 on) IOPRIO_CLASS_BE 6 is the io priority of the process (read with ionice -p from the host). */
export default ioPriorityCase({ slug: 'best-effort', ioPriority: { class: 'IOPRIO_CLASS_BE', priority: 6 }, expected: { class: 'IOPRIO_CLASS_BE', priority: 6 } });
