/**
 * process.capabilities.<set> for a root process, one case per set: the set
 * in /proc/<pid>/status (the field named `field`) is exactly the configured
 * one of ROOT_SETS, no more, no fewer.
 */
import { CAPABILITY_NAMES, type CaseDefinition, defineCase, HOLD, readStatus, startHeld, type RequirementId } from '../../case.js';
import { ROOT_SETS, sortedCaps } from './caps.js';

type RootSet = 'bounding' | 'effective' | 'inheritable' | 'permitted';

/** The case of `set`, charged to `requirement`; `field` is the set's line in /proc/<pid>/status (CapBnd). */
export function rootCapabilitySetCase(set: RootSet, field: string, requirement: RequirementId): CaseDefinition {
  return defineCase({
    id: `process.capabilities.${set}`,
    title: `the ${set} capability set of the process is process.capabilities.${set}`,
    requirements: [requirement],
    config: (c) => c.withCapabilities(ROOT_SETS).withScript(HOLD),
    run: async (ctx) => {
      const s = await readStatus(await startHeld(ctx));
      ctx.expectEqual(requirement, `${field} of /proc/<pid>/status`, sortedCaps(ROOT_SETS[set], CAPABILITY_NAMES), s.capabilities[set]);
    },
  });
}
