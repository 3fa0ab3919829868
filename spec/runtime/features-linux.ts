import type { Requirement } from '../types.js';

/** Requirements of runtime-spec features-linux.md. */
export const FEATURES_LINUX: readonly Requirement[] = [];
