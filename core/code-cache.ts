/**
 * The one loader of code-cached scripts: dist/<name>.js beside dist/<name>.cache,
 * as scripts/code-cache.ts writes them (the CLI's script and the per-kind
 * schema and rule scripts). Each script is a CommonJS bundle wrapped like a
 * Node module, `(function (exports, require, module, __filename, __dirname) …)`,
 * compiled with `vm.Script` from V8's cache of it. Starting a small CLI is
 * mostly compiling it, and this spares the compile. V8 checks a cache against
 * the source and its own version; a missing or rejected cache costs only the
 * compile. The build bundles this module alone as dist/code-cache.cjs, which
 * bin/oci-validate.js requires; the CLI's script gets the loader as a parameter
 * and hands it on to what loads the per-kind scripts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The code-cached scripts of one directory, run by name ('oci-validate', 'schema-cache/config-1.0.2'). */
export interface CodeCache {
  /** The script's module.exports, or undefined when the script is not there. Run once per name. */
  run(name: string): unknown;
}

/** A script just run: what it exported, and V8's Script for the build to write the cache of. */
export interface RunScript {
  readonly exports: unknown;
  readonly script: Script;
  /** Whether V8 compiled from the source although a cache was given (or none was there). */
  readonly compiled: boolean;
}

type Wrapper = (exports: object, require: (id: string) => unknown, module: { exports: unknown }, filename: string, dirname: string) => void;

/** Wraps a CommonJS bundle as a script whose value is the function a loader calls. Strict, as the ES modules it comes from. */
export function wrapScript(cjs: string): string {
  return `(function (exports, require, module, __filename, __dirname) {'use strict';\n${cjs}\n})`;
}

/** Runs `<dir>/<name>.js` with `<name>.cache` when there is one; undefined when the script is missing. */
export function runScript(dir: string, name: string, cachedData?: Buffer): RunScript | undefined {
  const file = join(dir, `${name}.js`);
  let source: string;
  try {
    // ASCII, as the build checks: latin1 is the same text and decodes three times faster than utf8
    source = readFileSync(file, 'latin1');
  } catch {
    return undefined;
  }
  let data = cachedData;
  if (!data)
    try {
      data = readFileSync(join(dir, `${name}.cache`));
    } catch {
      data = undefined;
    }
  const script = new Script(source, { filename: file, ...(data ? { cachedData: data } : {}) });
  let req: NodeJS.Require | undefined;
  const module = { exports: {} as unknown };
  // a require of the script's own, made on first use (builtins mostly: the bundles hold the rest)
  (script.runInThisContext() as Wrapper)(module.exports as object, (id) => (req ??= createRequire(file))(id), module, file, dirname(file));
  return { exports: module.exports, script, compiled: script.cachedDataRejected !== false };
}

/** The scripts of a directory, each run on first use and its exports kept. */
export function codeCacheAt(dir: string): CodeCache {
  const done = new Map<string, unknown>();
  return {
    run(name) {
      if (!done.has(name)) done.set(name, runScript(dir, name)?.exports);
      return done.get(name);
    },
  };
}

/** What an entry's script exports: run() on the process's arguments with the loader of its directory. */
export interface EntryScript {
  run(argv: readonly string[], scripts: CodeCache): void;
}

/**
 * A CLI's start (bin/): runs `<dir>/<name>.js` and calls its run(). A missing
 * build is one line and exit 2; OCI_DEBUG=1 says when the cache did not serve.
 */
export function startEntry(dir: string, name: string): void {
  const r = runScript(dir, name);
  if (!r) {
    process.stderr.write(`${name}: ${join(dir, `${name}.js`)} is missing: run npm run build\n`);
    process.exitCode = 2;
    return;
  }
  if (process.env.OCI_DEBUG && r.compiled) process.stderr.write(`${name}: compiled without the code cache\n`);
  (r.exports as EntryScript).run(process.argv.slice(2), codeCacheAt(dir));
}
