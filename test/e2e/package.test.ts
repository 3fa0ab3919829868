/**
 * The package as users get it: `npm pack` of a copy of the checkout (so its `prepare` script builds in the copy and
 * the checkout's dist/, which other tests run, is left alone), `npm install` of that tarball into an empty project,
 * and the three commands run from there with npx as the README says. Everything is written under one temp
 * directory (TMPDIR, the runs' work dirs, npm's cache and logs, and the ledger point into it), removed at the end:
 * npm's shared cache would be written to even by an install that only reads it (--prefer-offline records what it
 * used), so the dependencies come from the registry into a cache of the test's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { baseConfig } from '../../fixtures/config.js';
import { onPath } from '../../harness/discover.js';
import { REPO } from './helpers.js';

/** Packed size we stay under (it was about 1.9 MB on 2026-12-05: mostly the code caches of dist/). */
const MAX_PACKED_BYTES = 4 * 1024 * 1024;

let tmp: string;
let app: string;
let env: NodeJS.ProcessEnv;
let tarball: string;
let packed: { size: number; unpackedSize: number; files: { path: string }[] };
let distBefore: number;

function sh(cmd: string, args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Files of the checkout as git knows them (tracked, and new ones not ignored), as `npm pack` from a clone sees them. */
function checkoutFiles(): string[] {
  const r = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ls-files in ${REPO}: ${r.stderr}`);
  return r.stdout.split('\0').filter((f) => f && existsSync(join(REPO, f)));
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'oci-conform-package-'));
  mkdirSync(join(tmp, 'tmp'));
  env = {
    ...process.env,
    TMPDIR: join(tmp, 'tmp'),
    NO_COLOR: '1',
    npm_config_cache: join(tmp, 'npm-cache'),
    npm_config_logs_dir: join(tmp, 'npm-logs'),
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    OCI_CONFORM_LEDGER_DIR: join(tmp, 'ledger'),
    OCI_CONFORM_TMPDIR: join(tmp, 'tmp'),
  };
  distBefore = statSync(join(REPO, 'dist', 'oci-conform.mjs')).mtimeMs;
}, 10_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('npm pack builds it from a checkout (prepare) and ships what the commands load at run time', { timeout: 600_000 }, () => {
    const src = join(tmp, 'src');
    for (const f of checkoutFiles()) {
      mkdirSync(dirname(join(src, f)), { recursive: true });
      copyFileSync(join(REPO, f), join(src, f));
    }
    expect(existsSync(join(src, 'dist')), 'the copy starts without dist/').toBe(false);
    symlinkSync(join(REPO, 'node_modules'), join(src, 'node_modules'));
    const r = sh('npm', ['pack', '--json', '--pack-destination', tmp], src);
    expect(r.code, r.stderr.slice(-4000)).toBe(0);
    // the prepare script's output may come first: the JSON is the array at the end
    [packed] = JSON.parse(r.stdout.slice(r.stdout.search(/^\[/m))) as [typeof packed & { filename: string }];
    tarball = join(tmp, (packed as unknown as { filename: string }).filename);
    console.log(`oci-conform tarball: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.files.length} files`);
    expect(packed.size).toBeLessThan(MAX_PACKED_BYTES);
    const paths = new Set(packed.files.map((f) => f.path));
    for (const must of [
      'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md',
      'bin/oci-conform.js', 'bin/oci-validate.js', 'bin/oci-ts-runtime.js', 'bin/package.json',
      'dist/oci-conform.mjs', 'dist/code-cache.cjs', 'dist/oci-validate.js', 'dist/oci-ts-runtime.js', 'dist/oci-ts-runtime-init.cjs', 'dist/oci-ts-runtime-init.js',
      'dist/oci-ts-runtime-create.js', 'dist/oci-ts-runtime-create.cache', 'dist/oci-ts-runtime-init-seccomp.js', 'dist/oci-ts-runtime-init-seccomp.cache',
      'schemas/oci-conform-report.v2.schema.json', 'schemas/oci-validate-report.v1.schema.json',
      'ci/expectations/runc.yaml', 'docs/INTERPRETING.md',
    ]) expect(paths, must).toContain(must);
    expect([...paths].filter((p) => p.startsWith('dist/schema-cache/')).length).toBeGreaterThan(0);
    expect([...paths].filter((p) => p.startsWith('dist/rule-cache/')).length).toBeGreaterThan(0);
    // sources and tests stay home: the cases are bundled into dist/
    expect([...paths].filter((p) => /\.ts$|^(test|suites|harness|runtime|cli|core|validators|fixtures|scripts)\//.test(p))).toEqual([]);
    // the checkout was not rebuilt nor written to
    expect(statSync(join(REPO, 'dist', 'oci-conform.mjs')).mtimeMs).toBe(distBefore);
  });

  describe('installed from the tarball into an empty project', () => {
    beforeAll(() => {
      if (!tarball) return;
      app = join(tmp, 'app');
      mkdirSync(app);
      writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'oci-conform-install-check', version: '0.0.0', private: true }));
      const r = sh('npm', ['install', tarball], app);
      if (r.code !== 0) throw new Error(`npm install ${tarball}: ${r.stderr.slice(-4000)}`);
    }, 600_000);

    it('oci-validate: exit 0 on a valid config, 1 with the finding on a bad one', () => {
      expect(tarball, 'the tarball of the test above').toBeDefined();
      writeFileSync(join(tmp, 'good.json'), JSON.stringify(baseConfig('1.2.0')));
      const base = baseConfig('1.2.0');
      writeFileSync(join(tmp, 'bad.json'), JSON.stringify({ ...base, process: { ...(base.process as object), cwd: 'relative' } }));
      const good = sh('npx', ['--no', '--', 'oci-validate', join(tmp, 'good.json')], app);
      expect(good.code, good.stdout + good.stderr).toBe(0);
      const bad = sh('npx', ['--no', '--', 'oci-validate', '--format', 'json', join(tmp, 'bad.json')], app);
      expect(bad.code, bad.stderr).toBe(1);
      const found = (JSON.parse(bad.stdout) as { documents: { diagnostics: { rule: string; pointer: string }[] }[] }).documents.flatMap((d) => d.diagnostics.map((x) => `${x.rule} ${x.pointer}`));
      expect(found).toEqual(['config.process.cwd-absolute /process/cwd']);
    });

    it('oci-conform list: every case of the checkout', () => {
      expect(tarball, 'the tarball of the test above').toBeDefined();
      const installed = sh('npx', ['--no', '--', 'oci-conform', 'list'], app);
      expect(installed.code, installed.stderr).toBe(0);
      const here = sh(process.execPath, [join(REPO, 'bin', 'oci-conform.js'), 'list'], REPO);
      expect(installed.stdout.trim().split('\n').length).toBeGreaterThan(100);
      expect(installed.stdout).toBe(here.stdout);
    });

    it('oci-ts-runtime features: a features document', () => {
      expect(tarball, 'the tarball of the test above').toBeDefined();
      const r = sh('npx', ['--no', '--', 'oci-ts-runtime', 'features'], app);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as { ociVersionMin?: string; ociVersionMax?: string };
      expect(doc.ociVersionMax).toMatch(/^1\.\d+\.\d+/);
    });

    const root = process.getuid?.() === 0;
    const busybox = existsSync('/usr/bin/busybox');
    it.skipIf(!root || !busybox)('oci-conform runs a lifecycle case with its default runtime (its own oci-ts-runtime) and with runc', { timeout: 300_000 }, () => {
      expect(tarball, 'the tarball of the test above').toBeDefined();
      const own = join(app, 'node_modules', 'oci-conform', 'bin', 'oci-ts-runtime.js');
      const runtimes: Array<[string, string[]]> = [['default', []], ...(onPath('runc') ? [['runc', ['--runtime', 'runc']] as [string, string[]]] : [])];
      for (const [name, args] of runtimes) {
        const json = join(tmp, `run-${name}.json`);
        const r = sh('npx', ['--no', '--', 'oci-conform', '--only', 'lifecycle.create.state', ...args, '--reporter', `json=${json}`], app);
        expect(r.code, `${name}: ${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`).toBe(0);
        const doc = JSON.parse(readFileSync(json, 'utf8')) as { run: { runtime: { binary: string }; workDir: string }; results: { id: string; outcome: { status: string } }[]; summary: { leftovers: string[] } };
        if (name === 'default') expect(doc.run.runtime.binary).toBe(own);
        expect(doc.results.map((c) => [c.id, c.outcome.status])).toEqual([['lifecycle.create.state', 'pass']]);
        expect(doc.summary.leftovers).toEqual([]);
        expect(doc.run.workDir.startsWith(join(tmp, 'tmp'))).toBe(true);
      }
    });
  });
});
