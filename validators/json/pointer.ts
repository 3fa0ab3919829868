import type { JsonValue } from './parse.js';
import { escapePointerToken } from './parse.js';

export { escapePointerToken };

export function unescapePointerToken(t: string): string {
  return t.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  let p = base;
  for (const t of tokens) p += `/${escapePointerToken(String(t))}`;
  return p;
}

export function splitPointer(p: string): string[] {
  return p === '' ? [] : p.slice(1).split('/').map(unescapePointerToken);
}

/** The value at a pointer, or undefined. */
export function resolvePointer(doc: JsonValue, p: string): JsonValue | undefined {
  let cur: JsonValue | undefined = doc;
  for (const t of splitPointer(p)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) cur = cur[Number(t)];
    else cur = Object.prototype.hasOwnProperty.call(cur, t) ? cur[t] : undefined;
  }
  return cur;
}
