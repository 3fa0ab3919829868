import { defineCase } from '../case.js';
import { readIoPriority } from '../../harness/inspect/process.js';
import { HOLD, startHeld } from './_lib/running.js';
import { needSpec } from './_lib/version.js';

/** process.ioPriority (1.1.0 on) IOPRIO_CLASS_IDLE 0 is the io priority of the process (read with ionice -p from the host). */
export default defineCase({
  id: 'process.io-priority.idle',
  title: 'process.ioPriority IOPRIO_CLASS_IDLE is the io priority of the process',
  requirements: ['RT-START-RUNS-PROCESS'],
  needs: ['root'],
  config: (c) => c.withScript(HOLD).merge({ process: { ioPriority: { class: 'IOPRIO_CLASS_IDLE', priority: 0 } } }),
  run: async (ctx) => {
    needSpec(ctx, '1.1.0', 'process.ioPriority');
    const got = await readIoPriority(await startHeld(ctx));
    if (!got) ctx.skip('the io priority is unreadable here (util-linux ionice -p failed or is missing on the host)');
    ctx.expectMatch('RT-START-RUNS-PROCESS', 'io priority of the process (ionice -p)', { class: 'IOPRIO_CLASS_IDLE' }, got);
  },
});
