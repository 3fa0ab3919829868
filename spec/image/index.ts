import type { Requirement } from '../types.js';
import { IMAGE_LAYOUT } from './image-layout.js';
import { LAYER } from './layer.js';
import { DESCRIPTOR } from './descriptor.js';
import { MANIFEST } from './manifest.js';
import { IMAGE_INDEX } from './image-index.js';
import { IMAGE_CONFIG } from './config.js';
import { ANNOTATIONS } from './annotations.js';
import { MEDIA_TYPES } from './media-types.js';
import { CONVERSION } from './conversion.js';

/** All image-spec requirements, one module per spec document. */
export const IMAGE_REQUIREMENTS: readonly Requirement[] = [
  ...DESCRIPTOR,
  ...MANIFEST,
  ...IMAGE_INDEX,
  ...IMAGE_LAYOUT,
  ...IMAGE_CONFIG,
  ...LAYER,
  ...ANNOTATIONS,
  ...MEDIA_TYPES,
  ...CONVERSION,
];
