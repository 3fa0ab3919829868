import { defineCase } from '../../case.js';
import { readTimensOffsets } from '../../../harness/inspect/process.js';
import { HOLD, startHeld } from '../../process/_lib/running.js';

const OFFSETS = { monotonic: { secs: 86400, nanosecs: 0 }, boottime: { secs: 7200, nanosecs: 500 } };

/** linux.timeOffsets (1.1.0 on) are the offsets of the container's time namespace (/proc/<pid>/timens_offsets). */
export default defineCase({
  id: 'linux.namespaces.time.offsets',
  title: 'linux.timeOffsets are the monotonic and boottime offsets of the time namespace',
  requirements: ['LNX-TIMEOFFSETS-APPLIED', 'LNX-NS-CREATE'],
  needs: ['root', 'timens'],
  config: (c) => c.withNamespace('time').withLinux({ timeOffsets: OFFSETS }).withScript(HOLD),
  run: async (ctx) => {
    const got = await readTimensOffsets(await startHeld(ctx));
    ctx.expectMatch('LNX-TIMEOFFSETS-APPLIED', 'timens_offsets of the process', OFFSETS, got);
  },
});
