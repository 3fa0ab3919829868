import type { Requirement } from '../types.js';

/** Requirements of runtime-spec config-vm.md. */
export const CONFIG_VM: readonly Requirement[] = [];
