import type { Requirement } from '../types.js';

/** All runtime-spec requirements, one module per spec document. */
export const RUNTIME_REQUIREMENTS: readonly Requirement[] = [];
