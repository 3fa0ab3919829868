import { defineCase, HOLD, readIoPriority, startHeld } from '../case.js';

/** process.ioPriority (1.1.0 on) IOPRIO_CLASS_BE 6 is the io priority of the process (read with ionice -p from the host). */
export default defineCase({
  id: 'process.io-priority.best-effort',
  title: 'process.ioPriority IOPRIO_CLASS_BE is the io priority of the process',
  requirements: ['CFG-IOPRIORITY-APPLIED'],
  needs: ['root'],
  config: (c) => c.withScript(HOLD).merge({ process: { ioPriority: { class: 'IOPRIO_CLASS_BE', priority: 6 } } }),
  run: async (ctx) => {
    const got = await readIoPriority(await startHeld(ctx));
    if (!got) ctx.skip('the io priority is unreadable here (util-linux ionice -p failed or is missing on the host)');
    ctx.expectMatch('CFG-IOPRIORITY-APPLIED', 'io priority of the process (ionice -p)', { class: 'IOPRIO_CLASS_BE', priority: 6 }, got);
  },
});
