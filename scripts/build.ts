/**
 * Build: what is generated (scripts/generate.ts), then each CLI into dist/:
 * oci-conform as an ES module bundle, oci-validate as code-cached scripts
 * (scripts/code-cache.ts): its CLI, and the schema validator of each (kind,
 * version) and the rules of each kind, so that a start loads and compiles only
 * what its documents need. Run by `npm run build` and before the tests;
 * `--no-bundle` only generates.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { codeCacheAt } from '../core/code-cache.js';
import { EXIT } from '../core/errors.js';
import { baseConfig } from '../fixtures/config.js';
import { KINDS } from '../validators/kinds/index.js';
import type { Rule } from '../validators/rules/rule.js';
import { schemaSources } from '../validators/schemas/registry.js';
import type { StandaloneValidate } from '../validators/schemas/compiled.js';
import type { CachedScript } from './code-cache.js';
import { buildCachedScripts, buildLoader } from './code-cache.js';
import { GENERATED, ROOT, generateAll } from './generate.js';

const DIST = join(ROOT, 'dist');

generateAll();
if (!process.argv.includes('--no-bundle')) {
  rmSync(DIST, { recursive: true, force: true }); // no stale chunks or scripts from earlier builds
  await bundleConform();
  await buildLoader(DIST);
  // the schema and rule scripts first: the CLI's training run loads them
  await buildCachedScripts(DIST, [...schemaScripts(), ...(await ruleScripts()), validateScript(), ...runtimeScripts()]);
  runtimeInitStarter();
}

/**
 * oci-conform: an ES module bundle with code splitting. junit-report-builder (CommonJS, one reporter's), koffi (a
 * native module), execa and yaml (CommonJS that requires node builtins, which an ES module bundle can't) stay
 * dependencies.
 */
async function bundleConform(): Promise<void> {
  await build({
    entryPoints: { 'oci-conform': join(ROOT, 'cli', 'oci-conform.ts') },
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    external: ['junit-report-builder', 'execa', 'koffi', 'yaml'],
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/**
 * oci-ts-runtime: its command line and its container init as code-cached scripts, like oci-validate (a runtime is
 * started several times per container: no ES module loader, compiled from V8's cache). Each is split as oci-validate
 * is, so that a start loads only what it runs: the command line without create and features (most of its code, and
 * the seccomp syscall tables), which only create, run and features load from oci-ts-runtime-create; the init without
 * seccomp, loaded from oci-ts-runtime-init-seccomp for a config that has a filter. The command line is trained on
 * commands that touch no container and, as the others (the init can't run at build time: it would wait for a
 * runtime; create would make a container), compiled whole (eager), so that no start compiles a function.
 */
function runtimeScripts(): CachedScript[] {
  type Cli = typeof import('../runtime/cli.js');
  return [
    // before the command line: its training runs features from it
    { name: 'oci-ts-runtime-create', entry: join(ROOT, 'runtime', 'create-script.ts'), eager: true },
    {
      name: 'oci-ts-runtime',
      entry: join(ROOT, 'runtime', 'cli.ts'),
      // create-script.ts, and what only it may import: a light command that imported them would fail its training
      elsewhere: /[\\/]runtime[\\/](create-script|create|features|namespaces)\.ts$/,
      eager: true,
      train: async (exports) => {
        const root = mkdtempSync(join(tmpdir(), 'oci-ts-runtime-training-'));
        const [out, err] = [process.stdout.write, process.stderr.write];
        process.stdout.write = process.stderr.write = () => true;
        try {
          for (const argv of [['--help'], ['--root', root, 'state', 'none'], ['--root', root, 'kill', 'none', 'KILL'], ['--root', root, 'delete', 'none'], ['features']]) {
            const code = await (exports as Cli).main(argv, codeCacheAt(DIST));
            if (code > 1) throw new Error(`training run ${argv.join(' ')} of dist/oci-ts-runtime.js exited ${code}`);
          }
        } finally {
          [process.stdout.write, process.stderr.write] = [out, err];
          rmSync(root, { recursive: true, force: true });
        }
      },
    },
    { name: 'oci-ts-runtime-init-seccomp', entry: join(ROOT, 'runtime', 'init', 'seccomp', 'script.ts'), eager: true },
    { name: 'oci-ts-runtime-init', entry: join(ROOT, 'runtime', 'init', 'main.ts'), elsewhere: /[\\/]runtime[\\/]init[\\/]seccomp[\\/][^\\/]+\.ts$/, eager: true },
  ];
}

/** The init's starter: node runs this file, which runs the init's script from its cache. */
function runtimeInitStarter(): void {
  writeFileSync(
    join(DIST, 'oci-ts-runtime-init.cjs'),
    "'use strict';\n// the container init of oci-ts-runtime (runtime/init/main.ts), started by create\nrequire('./code-cache.cjs').startEntry(__dirname, 'oci-ts-runtime-init');\n",
  );
}

/** Per (kind, version) its validator (ajv's runtime helpers bundled in), trained on small documents. */
function schemaScripts(): CachedScript[] {
  return schemaSources().map((s) => ({
    name: `schema-cache/${s.kind}-${s.version}`,
    entry: join(GENERATED, 'schemas', `${s.kind}-${s.version}.cjs`),
    train: (validate) => {
      for (const sample of [{}, [], { ociVersion: s.version }]) (validate as StandaloneValidate)(sample);
    },
  }));
}

/**
 * Per kind the rules of the one rule index that apply to it, in its order
 * (validators/rules/select.ts rulesFor), each called once so it is compiled;
 * '_any' for a kind we do not know (validators/rules/load.ts ruleScriptName).
 */
async function ruleScripts(): Promise<CachedScript[]> {
  const index = (await import('../validators/generated/rules.js')) as { RULES: readonly Rule[]; RULE_FILES: readonly string[] };
  return [...KINDS.map((k) => k.name), '_any'].map((kind) => {
    const mine = index.RULE_FILES.filter((_, i) => index.RULES[i]!.appliesTo.includes(kind) || index.RULES[i]!.appliesTo.includes('*'));
    const contents = [...mine.map((f, i) => `import r${i} from './${f}';`), `export const RULES = [${mine.map((_, i) => `r${i}`).join(', ')}];`].join('\n');
    return {
      name: `rule-cache/${kind}`,
      entry: { contents, resolveDir: ROOT },
      train: (exports) => {
        const ctx = { file: 'config.json', kind, version: '1.0.0', parsed: { value: {}, duplicates: [] }, meta: {}, latestMeta: {} };
        for (const rule of (exports as { RULES: readonly Rule[] }).RULES)
          try {
            for (const _ of rule.check({}, ctx as unknown as Parameters<Rule['check']>[1])) void _;
          } catch {
            // only compiling is the point: a rule that wants more of its context has been compiled by now
          }
      },
    };
  });
}

/**
 * The CLI without the validators and rules (run from their own scripts), trained
 * over what users validate most, in every format, and a document with findings.
 */
function validateScript(): CachedScript {
  type Cli = typeof import('../cli/oci-validate.js');
  return {
    name: 'oci-validate',
    entry: join(ROOT, 'cli', 'oci-validate.ts'),
    elsewhere: /[\\/]validators[\\/](generated[\\/]schemas[\\/][^\\/]+\.cjs|rules[\\/]select\.ts)$/,
    train: async (exports) => {
      const dir = mkdtempSync(join(tmpdir(), 'oci-validate-training-'));
      try {
        let said = '';
        const io = { out: (t: string) => void (said += t), err: (t: string) => void (said += t), isTTY: false };
        for (const [name, argv] of trainingRuns(dir)) {
          const code = await (exports as Cli).main(argv, io, codeCacheAt(DIST));
          // 0 and 1 are what a document earns; anything above is a usage error or a bug (EXIT.internal) of the script
          if (code > EXIT.findings) throw new Error(`training run ${name} of dist/oci-validate.js exited ${code}:\n${said}`);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function trainingRuns(dir: string): Array<[string, string[]]> {
  const write = (name: string, doc: unknown): string => {
    const f = join(dir, name);
    writeFileSync(f, JSON.stringify(doc, null, 2));
    return f;
  };
  const old = write('config-1.0.2.json', baseConfig('1.0.2'));
  const latest = write('config-1.3.0.json', baseConfig('1.3.0'));
  const bad = write('bad.json', { ...baseConfig('1.2.0'), process: { cwd: 'relative', args: [] } });
  const state = write('state.json', { ociVersion: '1.0.2', id: 'c1', status: 'running', pid: 4242, bundle: '/var/lib/c1', annotations: {} });
  const features = write('features.json', {
    ociVersionMin: '1.0.0',
    ociVersionMax: '1.2.0',
    hooks: ['prestart', 'createRuntime', 'poststop'],
    mountOptions: ['ro', 'rw'],
    linux: { namespaces: ['mount', 'pid'], capabilities: ['CAP_KILL'], cgroup: { v1: true, v2: true } },
  });
  return [
    ['config (text)', [old]],
    ['latest config', [latest]],
    ['findings (text)', [bad]],
    ['json', ['--format', 'json', old, bad, state, features]],
    ['sarif', ['--format', 'sarif', bad]],
  ];
}
