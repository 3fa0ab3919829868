import type { Requirement } from '../types.js';

/** Requirements of runtime-spec config-solaris.md. */
export const CONFIG_SOLARIS: readonly Requirement[] = [];
