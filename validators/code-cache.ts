/**
 * Scripts that the build wrote beside the bundle with V8's code cache
 * (dist/schema-cache/, dist/rule-cache/: see scripts/build.ts), run so that
 * their functions need not be compiled again at every start.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** Set by the bundle (esbuild define); undefined when running from source, where there is no cache. */
declare const __OCI_SCHEMA_CACHE__: boolean | undefined;

export interface CachedScript {
  /** What the script evaluates to. */
  readonly value: unknown;
  /** A require relative to the script's file, made on first use. */
  readonly require: (id: string) => unknown;
}

/**
 * Runs `<dir>/<name>.js` of the bundle with `<name>.cache`. Undefined outside the
 * bundle or when the script is missing; a missing or rejected cache only costs the compile.
 */
export function runCodeCached(dir: string, name: string): CachedScript | undefined {
  if (typeof __OCI_SCHEMA_CACHE__ === 'undefined') return undefined;
  const base = new URL(import.meta.url.includes('/chunks/') ? `../${dir}/` : `./${dir}/`, import.meta.url);
  const file = new URL(`${name}.js`, base);
  let source: string;
  try {
    // ASCII, as the build checks (writeScript): latin1 is the same text and decodes faster than utf8
    source = readFileSync(file, 'latin1');
  } catch {
    return undefined;
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(new URL(`${name}.cache`, base));
  } catch {
    cachedData = undefined;
  }
  const script = new Script(source, { filename: fileURLToPath(file), cachedData });
  let req: NodeJS.Require | undefined;
  return { value: script.runInThisContext(), require: (id) => (req ??= createRequire(file))(id) };
}
