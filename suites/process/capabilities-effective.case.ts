import { defineCase } from '../case.js';
import { CAPABILITY_NAMES } from '../../harness/inspect/capabilities.js';
import { readStatus } from '../../harness/inspect/status.js';
import { ROOT_SETS, sortedCaps } from './_lib/caps.js';
import { HOLD, startHeld } from './_lib/running.js';

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
