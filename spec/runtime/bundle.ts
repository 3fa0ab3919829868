import type { Requirement } from '../types.js';

/** Requirements of runtime-spec bundle.md. */
export const BUNDLE: readonly Requirement[] = [];
