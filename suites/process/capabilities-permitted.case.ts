import { rootCapabilitySetCase } from './_lib/root-set-case.js';

/** process.capabilities.permitted of a root process is its permitted set, exactly: no more, no fewer (CapPrm in /proc/<pid>/status). */
export default rootCapabilitySetCase('permitted', 'CapPrm', 'CFG-CAPABILITIES-PERMITTED-APPLIED');
