import type { Requirement } from '../types.js';

/** Requirements of runtime-spec config-linux.md. */
export const CONFIG_LINUX: readonly Requirement[] = [];
