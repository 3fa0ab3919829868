import type { Requirement } from '../types.js';

/** Requirements of image-spec layer.md (checked by the layout walker, validators/image/). */
export const LAYER: readonly Requirement[] = [];
