import type { Requirement } from '../types.js';

/** Requirements of runtime-spec config-freebsd.md. */
export const CONFIG_FREEBSD: readonly Requirement[] = [];
