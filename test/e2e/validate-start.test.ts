/**
 * How bin/oci-validate.js starts: one script compiled from the code cache the
 * build wrote (dist/oci-validate.js and .cache), output written straight to
 * the descriptors. What must hold whatever the cache's state and wherever
 * stdout goes.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from './helpers.js';
import { baseConfig } from '../../fixtures/config.js';
import { codeCacheAt } from '../../core/code-cache.js';
import { KINDS } from '../../validators/kinds/index.js';
import { ruleScriptName } from '../../validators/rules/load.js';
import { rulesFor } from '../../validators/rules/select.js';

let dir: string;
let good: string;
let bad: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oci-validate-start-'));
  good = join(dir, 'good.json');
  bad = join(dir, 'bad.json');
  writeFileSync(good, JSON.stringify(baseConfig('1.0.2'), null, 2));
  writeFileSync(bad, JSON.stringify({ ...baseConfig('1.2.0'), process: { cwd: 'relative', args: [] } }, null, 2));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** bin/ and dist/ copied elsewhere, so their files can be spoilt without touching the build. */
function copyOfInstall(): string {
  const root = mkdtempSync(join(dir, 'install-'));
  mkdirSync(join(root, 'bin'));
  for (const f of ['oci-validate.js', 'package.json']) copyFileSync(join(REPO, 'bin', f), join(root, 'bin', f));
  // and no node_modules: what dist/ needs of ajv (its runtime helpers) is bundled into the scripts
  cpSync(join(REPO, 'dist'), join(root, 'dist'), { recursive: true });
  return root;
}

function run(bin: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
}

describe('oci-validate start', () => {
  it('runs from the code cache the build wrote: this Node accepts it', () => {
    const r = run(join(REPO, 'bin', 'oci-validate.js'), [good], { OCI_DEBUG: '1' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ok (config, spec 1.0.2)');
  });

  it('gives the same report with a spoilt or missing cache, only slower', () => {
    const expected = runCli('oci-validate.js', ['--format', 'json', good, bad]);
    expect(expected.code).toBe(1);
    const root = copyOfInstall();
    const bin = join(root, 'bin', 'oci-validate.js');
    writeFileSync(join(root, 'dist', 'oci-validate.cache'), Buffer.from('not a V8 code cache'));
    const spoilt = run(bin, ['--format', 'json', good, bad], { OCI_DEBUG: '1' });
    expect(spoilt.stderr).toBe('oci-validate: compiled without the code cache\n');
    expect([spoilt.status, normalise(spoilt.stdout, root)]).toEqual([1, normalise(expected.stdout, REPO)]);
    rmSync(join(root, 'dist', 'oci-validate.cache'));
    const missing = run(bin, ['--format', 'json', good, bad]);
    expect([missing.status, missing.stderr, normalise(missing.stdout, root)]).toEqual([1, '', normalise(expected.stdout, REPO)]);
  });

  it('says in one line that the build is missing, exit 2', () => {
    const root = copyOfInstall();
    rmSync(join(root, 'dist', 'oci-validate.js'));
    const r = run(join(root, 'bin', 'oci-validate.js'), [good]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`oci-validate: ${join(root, 'dist', 'oci-validate.js')} is missing: run npm run build\n`);
    rmSync(join(root, 'dist'), { recursive: true }); // the loader too
    const none = run(join(root, 'bin', 'oci-validate.js'), [good]);
    expect([none.status, none.stderr]).toEqual([2, `oci-validate: ${join(root, 'dist', 'oci-validate.js')} is missing: run npm run build\n`]);
  });

  it('gives the same report when the schema and rule scripts cannot use their caches', () => {
    const expected = runCli('oci-validate.js', ['--format', 'json', good, bad]);
    const root = copyOfInstall();
    for (const sub of ['schema-cache', 'rule-cache'])
      for (const f of readdirSync(join(root, 'dist', sub))) if (f.endsWith('.cache')) writeFileSync(join(root, 'dist', sub, f), 'spoilt');
    const r = run(join(root, 'bin', 'oci-validate.js'), ['--format', 'json', good, bad]);
    expect([r.status, r.stderr, normalise(r.stdout, root)]).toEqual([1, '', normalise(expected.stdout, REPO)]);
  });

  it('runs per kind the rules of the rule index that apply to it, in its order', () => {
    const scripts = codeCacheAt(join(REPO, 'dist'));
    for (const kind of [...KINDS.map((k) => k.name), 'no-such-kind']) {
      const cached = scripts.run(ruleScriptName(kind)) as { RULES: ReadonlyArray<{ id: string }> };
      expect(cached.RULES.map((r) => r.id)).toEqual(rulesFor(kind).map((r) => r.id));
    }
  });

  it('writes a large report whole through a pipe', () => {
    const files = Array.from({ length: 400 }, (_, i) => {
      const f = join(dir, `many-${i}.json`);
      writeFileSync(f, JSON.stringify({ ...baseConfig('1.2.0'), process: { cwd: `rel-${i}`, args: [] } }));
      return f;
    });
    const r = runCli('oci-validate.js', ['--format', 'json', ...files]);
    expect(r.stdout.length).toBeGreaterThan(256 * 1024); // several times a pipe's buffer
    const report = JSON.parse(r.stdout) as { summary: { documents: number } };
    expect(report.summary.documents).toBe(400);
    expect(r.code).toBe(1);
  });

  it('stops quietly when the reader goes away', () => {
    const files = Array.from({ length: 200 }, (_, i) => join(dir, `many-${i}.json`));
    // far more than a pipe holds, so the write meets EPIPE once head has exited
    const r = spawnSync('sh', ['-c', `'${process.execPath}' '${join(REPO, 'bin', 'oci-validate.js')}' --format json "$@" | head -c 100 | wc -c`, 'sh', ...files], {
      encoding: 'utf8',
    });
    expect([r.stdout.trim(), r.stderr]).toEqual(['100', '']);
  });

  it('colours only a terminal', () => {
    const onTty = spawnSync('script', ['-qec', `'${process.execPath}' '${join(REPO, 'bin', 'oci-validate.js')}' '${bad}'`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '' },
    });
    expect(onTty.stdout).toContain('\x1b[31merror\x1b[0m');
    const toPipe = run(join(REPO, 'bin', 'oci-validate.js'), [bad], { NO_COLOR: '' });
    expect(toPipe.stdout).toContain(' error ');
    expect(toPipe.stdout).not.toContain('\x1b[');
    const toNull = spawnSync('sh', ['-c', `'${process.execPath}' '${join(REPO, 'bin', 'oci-validate.js')}' '${bad}' >/dev/null; echo $?`], { encoding: 'utf8' });
    expect(toNull.stdout.trim()).toBe('1');
  });
});

/** Reports name files by path; the copy's paths differ only by its root. */
function normalise(report: string, root: string): string {
  return report.split(root).join('<root>');
}
