import type { CodeCache } from '../../core/code-cache.js';
import type { CompiledSchema, StandaloneValidate } from './compiled.js';
import type { SchemaMeta } from './meta.js';
import { loaders, metaLoaders } from '../generated/schemas/index.js';

const cache = new Map<string, Promise<CompiledSchema>>();
const metaCache = new Map<string, Promise<SchemaMeta>>();

/**
 * The compiled schema of a kind at a version; undefined if we have none for that pair.
 * With `scripts` (the code-cached scripts of the CLI's build: scripts/build.ts), the
 * validator is run from schema-cache/<kind>-<version>, else imported as a module.
 */
export function loadSchema(kind: string, version: string, scripts?: CodeCache): Promise<CompiledSchema> | undefined {
  const key = `${kind}@${version}`;
  const load = loaders[key];
  const meta = loadMeta(kind, version);
  if (!load || !meta) return undefined;
  let p = cache.get(key);
  if (!p) {
    const cached = scripts?.run(`schema-cache/${kind}-${version}`) as StandaloneValidate | undefined;
    const validate = cached ? Promise.resolve(cached) : load().then((m) => m.default);
    p = Promise.all([validate, meta]).then(([v, m]) => ({ default: v, meta: m }));
    cache.set(key, p);
  }
  return p;
}

/** Only the metadata of a schema (field versions, integer types, known names): a small module of its own. */
export function loadMeta(kind: string, version: string): Promise<SchemaMeta> | undefined {
  const key = `${kind}@${version}`;
  const load = metaLoaders[key];
  if (!load) return undefined;
  let p = metaCache.get(key);
  if (!p) {
    p = load().then((m) => m.meta);
    metaCache.set(key, p);
  }
  return p;
}
