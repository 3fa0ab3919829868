import type { Requirement } from '../types.js';

/** All image-spec requirements. */
export const IMAGE_REQUIREMENTS: readonly Requirement[] = [];
