import type { Requirement } from '../types.js';

/** Requirements of runtime-spec runtime.md. */
export const RUNTIME: readonly Requirement[] = [];
