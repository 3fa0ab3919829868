import { CAPABILITY_NAMES, defineCase, HOLD, readStatus, startHeld } from '../case.js';
import { ROOT_SETS, sortedCaps } from './_lib/caps.js';

/** process.capabilities.effective of a root process is its effective set, exactly: no more, no fewer (CapEff in /proc/<pid>/status). */
export default defineCase({
  id: 'process.capabilities.effective',
  title: 'the effective capability set of the process is process.capabilities.effective',
  requirements: ['CFG-CAPABILITIES-EFFECTIVE-APPLIED'],
  needs: ['root'],
  config: (c) => c.withCapabilities(ROOT_SETS).withScript(HOLD),
  run: async (ctx) => {
    const s = await readStatus(await startHeld(ctx));
    ctx.expectEqual('CFG-CAPABILITIES-EFFECTIVE-APPLIED', 'CapEff of /proc/<pid>/status', sortedCaps(ROOT_SETS.effective, CAPABILITY_NAMES), s.capabilities.effective);
  },
});
