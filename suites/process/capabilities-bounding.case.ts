import { CAPABILITY_NAMES, defineCase, HOLD, readStatus, startHeld } from '../case.js';
import { ROOT_SETS, sortedCaps } from './_lib/caps.js';

/** process.capabilities.bounding of a root process is its bounding set, exactly: no more, no fewer (CapBnd in /proc/<pid>/status). */
export default defineCase({
  id: 'process.capabilities.bounding',
  title: 'the bounding capability set of the process is process.capabilities.bounding',
  requirements: ['CFG-CAPABILITIES-BOUNDING-APPLIED'],
  needs: ['root'],
  config: (c) => c.withCapabilities(ROOT_SETS).withScript(HOLD),
  run: async (ctx) => {
    const s = await readStatus(await startHeld(ctx));
    ctx.expectEqual('CFG-CAPABILITIES-BOUNDING-APPLIED', 'CapBnd of /proc/<pid>/status', sortedCaps(ROOT_SETS.bounding, CAPABILITY_NAMES), s.capabilities.bounding);
  },
});
