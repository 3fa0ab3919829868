import { rootCapabilitySetCase } from './_lib/root-set-case.js';

/** process.capabilities.bounding of a root process is its bounding set, exactly: no more, no fewer (CapBnd in /proc/<pid>/status). */
export default rootCapabilitySetCase('bounding', 'CapBnd', 'CFG-CAPABILITIES-BOUNDING-APPLIED');
