import type { DocumentKind } from './kind.js';
import type { JsonValue } from '../json/parse.js';
import { CONFIG, FEATURES, STATE } from './runtime.js';
import { IMAGE_KINDS } from './image.js';

export type { DocumentKind };

/** Every document kind; image-spec kinds join this list. */
export const KINDS: readonly DocumentKind[] = [CONFIG, STATE, FEATURES, ...IMAGE_KINDS];

export function kindByName(name: string): DocumentKind | undefined {
  return KINDS.find((k) => k.name === name);
}

/** The most likely kind of a document, or undefined when none fits. */
export function detectKind(doc: JsonValue): DocumentKind | undefined {
  let best: DocumentKind | undefined;
  let score = 0.3; // below this, we'd rather say we don't know
  for (const k of KINDS) {
    const s = k.detect(doc);
    if (s > score) {
      best = k;
      score = s;
    }
  }
  return best;
}
