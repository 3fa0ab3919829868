import { CAPABILITY_NAMES, defineCase, HOLD, readStatus, startHeld } from '../case.js';
import { ROOT_SETS, sortedCaps } from './_lib/caps.js';

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
