import { CAPABILITY_NAMES, defineCase, HOLD, readStatus, startHeld } from '../case.js';
import { NONROOT_SETS, NONROOT_USER, sortedCaps } from './_lib/caps.js';

/**
 * process.capabilities.ambient of a non-root process is its ambient set; the
 * kernel then gives it exactly those as permitted and effective after exec,
 * so they show there too.
 */
export default defineCase({
  id: 'process.capabilities.ambient',
  title: 'a non-root process holds process.capabilities.ambient as ambient (and so effective) capabilities',
  requirements: ['CFG-CAPABILITIES-AMBIENT-APPLIED', 'CFG-CAPABILITIES-EFFECTIVE-APPLIED', 'CFG-CAPABILITIES-INHERITABLE-APPLIED', 'CFG-CAPABILITIES-BOUNDING-APPLIED'],
  // the process runs as a uid other than 0, which must exist in the container
  needs: ['mapped-ids'],
  config: (c) => c.withUser(NONROOT_USER).withCapabilities(NONROOT_SETS).withScript(HOLD),
  run: async (ctx) => {
    const s = await readStatus(await startHeld(ctx));
    const amb = sortedCaps(NONROOT_SETS.ambient, CAPABILITY_NAMES);
    ctx.expectEqual('CFG-CAPABILITIES-AMBIENT-APPLIED', 'CapAmb of /proc/<pid>/status', amb, s.capabilities.ambient);
    ctx.expectEqual('CFG-CAPABILITIES-EFFECTIVE-APPLIED', 'CapEff of /proc/<pid>/status (a non-root exec keeps only ambient ones)', amb, s.capabilities.effective);
    ctx.expectEqual('CFG-CAPABILITIES-INHERITABLE-APPLIED', 'CapInh of /proc/<pid>/status', sortedCaps(NONROOT_SETS.inheritable, CAPABILITY_NAMES), s.capabilities.inheritable);
    ctx.expectEqual('CFG-CAPABILITIES-BOUNDING-APPLIED', 'CapBnd of /proc/<pid>/status', sortedCaps(NONROOT_SETS.bounding, CAPABILITY_NAMES), s.capabilities.bounding);
  },
});
