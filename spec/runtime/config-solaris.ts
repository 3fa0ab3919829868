import type { Requirement } from '../types.js';

/**
 * Requirements of runtime-spec config-solaris.md: none. The document has no
 * RFC 2119 keyword in any version (1.0.0 to 1.3.0); its fields are described
 * by the schema (validators/schemas/runtime/config-solaris.ts) only.
 */
export const CONFIG_SOLARIS: readonly Requirement[] = [];
