import type { Requirement } from '../types.js';

/** Requirements of runtime-spec config-zos.md. */
export const CONFIG_ZOS: readonly Requirement[] = [];
