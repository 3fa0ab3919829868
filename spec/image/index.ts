import type { Requirement } from '../types.js';
import { IMAGE_LAYOUT } from './image-layout.js';
import { LAYER } from './layer.js';

/** All image-spec requirements, one module per spec document. */
export const IMAGE_REQUIREMENTS: readonly Requirement[] = [...IMAGE_LAYOUT, ...LAYER];
