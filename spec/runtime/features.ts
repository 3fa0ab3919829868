import type { Requirement } from '../types.js';

/** Requirements of runtime-spec features.md. */
export const FEATURES: readonly Requirement[] = [];
