import type { Requirement } from '../types.js';

/** Requirements of runtime-spec config.md. */
export const CONFIG: readonly Requirement[] = [];
