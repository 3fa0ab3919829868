import { defineCase } from '../case.js';
import { CAPABILITY_NAMES } from '../../harness/inspect/capabilities.js';
import { readStatus } from '../../harness/inspect/status.js';
import { ROOT_SETS, sortedCaps } from './_lib/caps.js';
import { HOLD, startHeld } from './_lib/running.js';

/** process.capabilities.permitted of a root process is its permitted set, exactly: no more, no fewer (CapPrm in /proc/<pid>/status). */
export default defineCase({
  id: 'process.capabilities.permitted',
  title: 'the permitted capability set of the process is process.capabilities.permitted',
  requirements: ['CFG-CAPABILITIES-PERMITTED-APPLIED'],
  needs: ['root'],
  config: (c) => c.withCapabilities(ROOT_SETS).withScript(HOLD),
  run: async (ctx) => {
    const s = await readStatus(await startHeld(ctx));
    ctx.expectEqual('CFG-CAPABILITIES-PERMITTED-APPLIED', 'CapPrm of /proc/<pid>/status', sortedCaps(ROOT_SETS.permitted, CAPABILITY_NAMES), s.capabilities.permitted);
  },
});
