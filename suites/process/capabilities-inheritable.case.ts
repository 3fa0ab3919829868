import { rootCapabilitySetCase } from './_lib/root-set-case.js';

/** process.capabilities.inheritable of a root process is its inheritable set, exactly: no more, no fewer (CapInh in /proc/<pid>/status). */
export default rootCapabilitySetCase('inheritable', 'CapInh', 'CFG-CAPABILITIES-INHERITABLE-APPLIED');
