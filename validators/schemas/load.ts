import type { CompiledSchema } from './compiled.js';
import { loaders } from '../generated/schemas/index.js';

const cache = new Map<string, Promise<CompiledSchema>>();

/** The compiled schema of a kind at a version; undefined if we have none for that pair. */
export function loadSchema(kind: string, version: string): Promise<CompiledSchema> | undefined {
  const key = `${kind}@${version}`;
  const load = loaders[key];
  if (!load) return undefined;
  let p = cache.get(key);
  if (!p) {
    p = load();
    cache.set(key, p);
  }
  return p;
}
