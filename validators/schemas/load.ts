import type { CompiledSchema, StandaloneValidate } from './compiled.js';
import type { SchemaMeta } from './meta.js';
import { runCodeCached } from '../code-cache.js';
import { loaders, metaLoaders } from '../generated/schemas/index.js';

const cache = new Map<string, Promise<CompiledSchema>>();
const metaCache = new Map<string, Promise<SchemaMeta>>();

/** The compiled schema of a kind at a version; undefined if we have none for that pair. */
export function loadSchema(kind: string, version: string): Promise<CompiledSchema> | undefined {
  const key = `${kind}@${version}`;
  const load = loaders[key];
  if (!load) return undefined;
  let p = cache.get(key);
  if (!p) {
    const cached = fromCodeCache(`${kind}-${version}`);
    const meta = cached && loadMeta(kind, version);
    p = cached && meta ? meta.then((m) => ({ default: cached, meta: m })) : load();
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

/** The validator from dist/schema-cache/ (buildSchemaCache in scripts/build.ts): the same code as the module. */
function fromCodeCache(name: string): StandaloneValidate | undefined {
  const cached = runCodeCached('schema-cache', name);
  // ajv's runtime helpers come through the require, for the schemas whose code asks for one
  return cached ? (cached.value as (require: (id: string) => unknown) => StandaloneValidate)(cached.require) : undefined;
}
