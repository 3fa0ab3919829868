import type { Requirement } from '../types.js';

/** Requirements of runtime-spec runtime-linux.md. */
export const RUNTIME_LINUX: readonly Requirement[] = [];
