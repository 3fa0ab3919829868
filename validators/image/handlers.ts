import type { InputHandler } from '../input/handler.js';

/** Image layout directories and layout archives. */
export const IMAGE_HANDLERS: readonly InputHandler[] = [];
