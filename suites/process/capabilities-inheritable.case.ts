import { CAPABILITY_NAMES, defineCase, HOLD, readStatus, startHeld } from '../case.js';
import { ROOT_SETS, sortedCaps } from './_lib/caps.js';

/** process.capabilities.inheritable of a root process is its inheritable set, exactly: no more, no fewer (CapInh in /proc/<pid>/status). */
export default defineCase({
  id: 'process.capabilities.inheritable',
  title: 'the inheritable capability set of the process is process.capabilities.inheritable',
  requirements: ['CFG-CAPABILITIES-INHERITABLE-APPLIED'],
  needs: ['root'],
  config: (c) => c.withCapabilities(ROOT_SETS).withScript(HOLD),
  run: async (ctx) => {
    const s = await readStatus(await startHeld(ctx));
    ctx.expectEqual('CFG-CAPABILITIES-INHERITABLE-APPLIED', 'CapInh of /proc/<pid>/status', sortedCaps(ROOT_SETS.inheritable, CAPABILITY_NAMES), s.capabilities.inheritable);
  },
});
