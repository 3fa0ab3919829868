/**
 * The build side of the fast start: code-cached scripts. For any entry, one
 * CommonJS bundle wrapped like a Node module (core/code-cache.ts wrapScript),
 * run once by the same loader a start uses, trained so that V8 compiles what a
 * start compiles, and V8's cache of it written beside it:
 * dist/<name>.js and dist/<name>.cache. At a start core/code-cache.ts runs the
 * script from that cache; V8 checks it against the source and its own version
 * and compiles from the source when it does not fit.
 *
 * Why: starting a small CLI is mostly compiling it (resolving, linking and
 * compiling a dozen ES modules costs more than validating a config), and a
 * schema validator, one function of some 200 KB, costs more to compile than
 * everything else together (bench/validate, docs/ARCHITECTURE.md: Build).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { runScript, wrapScript } from '../core/code-cache.js';

const ROOT = dirname(import.meta.dirname);

export interface CachedScript {
  /** Its name under dist/, without .js: 'oci-validate', 'schema-cache/config-1.0.2'. */
  readonly name: string;
  /** The entry module: a file, or the source of a module resolved from `resolveDir`. */
  readonly entry: string | { readonly contents: string; readonly resolveDir: string };
  /**
   * Calls what a start calls, on the script's module.exports as the loader gave
   * them, so that V8 has compiled those functions when the cache is written. An
   * error of a training run fails the build.
   */
  readonly train?: (exports: unknown) => void | Promise<void>;
  /**
   * Modules (by absolute path) that the script must not hold because they are run from
   * scripts of their own: replaced by a stub that throws if it is ever evaluated.
   */
  readonly elsewhere?: RegExp;
  /**
   * Compile every function when the script is compiled (V8's --no-lazy), so the cache holds them all: for a script
   * whose start can't be trained at build time (a container's init waits for its runtime) and whose every start runs
   * most of it.
   */
  readonly eager?: boolean;
}

/** Builds, trains and caches each script in turn (a later one may load an earlier one while training). */
export async function buildCachedScripts(dist: string, scripts: readonly CachedScript[]): Promise<void> {
  for (const s of scripts) await buildCachedScript(dist, s);
}

/**
 * The loader itself as dist/code-cache.cjs, required by bin/ (a start does not
 * set up the ES module loader), from the module the build uses to train.
 */
export async function buildLoader(dist: string): Promise<void> {
  await build({
    ...BUNDLE,
    minify: false,
    write: true,
    entryPoints: [join(ROOT, 'core', 'code-cache.ts')],
    outfile: join(dist, 'code-cache.cjs'),
  });
}

/** esbuild's options for a script: one CommonJS bundle, kept in memory to be wrapped. */
const BUNDLE = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
} as const satisfies BuildOptions;

/** A module's import.meta.url in a script: the file the loader names it by (its __filename). */
const META_URL = '__import_meta_url';

async function buildCachedScript(dist: string, s: CachedScript): Promise<void> {
  const r = await build({
    ...BUNDLE,
    ...(typeof s.entry === 'string'
      ? { entryPoints: [s.entry] }
      : { stdin: { contents: s.entry.contents, resolveDir: s.entry.resolveDir, loader: 'ts', sourcefile: `${s.name}.entry.ts` } }),
    plugins: s.elsewhere ? [elsewhere(s.elsewhere, s.name)] : [],
    define: { 'import.meta.url': META_URL },
  });
  let cjs = r.outputFiles[0]!.text;
  if (cjs.includes(META_URL)) cjs = `var ${META_URL} = require('node:url').pathToFileURL(__filename).href;\n${cjs}`;
  const file = join(dist, `${s.name}.js`);
  writeAscii(file, wrapScript(cjs));
  const cache = join(dist, `${s.name}.cache`);
  rmSync(cache, { force: true });
  if (s.eager) setFlagsFromString('--no-lazy');
  let run: ReturnType<typeof runScript>;
  try {
    run = runScript(dist, s.name);
  } finally {
    if (s.eager) setFlagsFromString('--lazy');
  }
  if (!run) throw new Error(`${file}: not written`);
  await s.train?.(run.exports);
  writeFileSync(cache, run.script.createCachedData());
}

/**
 * The loader reads a script as latin1, which Node decodes three times faster
 * than UTF-8 and which is the same for ASCII text: so ASCII it must be
 * (esbuild escapes everything else by default).
 */
function writeAscii(file: string, source: string): void {
  const at = source.search(/[^\x00-\x7f]/);
  if (at !== -1) throw new Error(`${file}: a character outside ASCII at offset ${at}; its loader reads it as latin1`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
}

function elsewhere(filter: RegExp, name: string): Plugin {
  return {
    name: 'run-from-its-own-script',
    setup(b) {
      b.onLoad({ filter }, (a) => ({
        contents: `throw new Error(${JSON.stringify(`${relative(ROOT, a.path)} is run from a script of its own beside dist/${name}.js, which is missing: run npm run build`)});`,
        loader: 'js',
      }));
    },
  };
}
