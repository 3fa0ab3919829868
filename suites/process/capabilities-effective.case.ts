import { rootCapabilitySetCase } from './_lib/root-set-case.js';

/** process.capabilities.effective of a root process is its effective set, exactly: no more, no fewer (CapEff in /proc/<pid>/status). */
export default rootCapabilitySetCase('effective', 'CapEff', 'CFG-CAPABILITIES-EFFECTIVE-APPLIED');
