import type { Requirement } from '../types.js';

/** Requirements of runtime-spec config-windows.md. */
export const CONFIG_WINDOWS: readonly Requirement[] = [];
