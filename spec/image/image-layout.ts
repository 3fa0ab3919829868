import type { Requirement } from '../types.js';

/** Requirements of image-spec image-layout.md (checked by the layout walker, validators/image/). */
export const IMAGE_LAYOUT: readonly Requirement[] = [];
