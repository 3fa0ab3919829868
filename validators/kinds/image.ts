import type { DocumentKind } from './kind.js';

/** Image-spec document kinds: manifest, index, image-config, descriptor, oci-layout. */
export const IMAGE_KINDS: readonly DocumentKind[] = [];
