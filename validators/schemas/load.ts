import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { CompiledSchema, StandaloneValidate } from './compiled.js';
import type { SchemaMeta } from './meta.js';
import { loaders, metaLoaders } from '../generated/schemas/index.js';

/** Set (to true) by scripts/build.ts in the bundle only, which has dist/schema-cache/ beside it. */
declare const __OCI_SCHEMA_CACHE__: boolean | undefined;

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

/**
 * The validator from dist/schema-cache/ (see buildSchemaCache in scripts/build.ts):
 * the same code as the module, run with V8's code cache so that it need not be
 * compiled again. Undefined outside the bundle or when the files are missing;
 * a cache V8 rejects only costs the compile.
 */
function fromCodeCache(name: string): StandaloneValidate | undefined {
  if (typeof __OCI_SCHEMA_CACHE__ === 'undefined') return undefined;
  const dir = new URL(import.meta.url.includes('/chunks/') ? '../schema-cache/' : './schema-cache/', import.meta.url);
  const file = new URL(`${name}.js`, dir);
  let source: string;
  let cachedData: Buffer | undefined;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    cachedData = readFileSync(new URL(`${name}.cache`, dir));
  } catch {
    cachedData = undefined;
  }
  const script = new Script(source, { filename: fileURLToPath(file), cachedData });
  const make = script.runInThisContext() as (require: (id: string) => unknown) => StandaloneValidate;
  // ajv's runtime helpers, for the schemas whose code asks for one: a require only then
  let require: NodeJS.Require | undefined;
  return make((id) => (require ??= createRequire(file))(id));
}
