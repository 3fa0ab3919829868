/**
 * oci-ts-runtime's code-cached scripts as the build splits them (scripts/build.ts runtimeScripts; needs
 * `npm run build`): state, start, kill and delete load dist/oci-ts-runtime.js only, which holds none of create, nor
 * the seccomp syscall tables; create, run and features load dist/oci-ts-runtime-create.js; the container init loads
 * dist/oci-ts-runtime-init-seccomp.js only for a config with linux.seccomp. A script missing from a copy of dist/
 * shows which command needs it: the others still work, and those fail with one line naming it. The containers (root
 * only) run busybox with `run`, which deletes them.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../../fixtures/bundle.js';
import { baseConfig, ConfigBuilder } from '../../fixtures/config.js';
import { buildRootfs } from '../../fixtures/rootfs.js';
import { REPO } from './helpers.js';
import { PREFIX, skipReason } from './oci-ts-runtime-kit.js';

const DIST = join(REPO, 'dist');
// a build at all (a build without one of the other scripts fails below, not skipped)
const BUILT = existsSync(join(DIST, 'oci-ts-runtime.js'));
const script = (name: string): string => readFileSync(join(DIST, `${name}.js`), 'latin1');

/** Strings only one part holds: create's (a message of its user namespace holder), the seccomp tables' and compiler's. */
const CREATE_MARK = 'the user namespace holder';
const FEATURES_MARK = 'mountExtensions';
const SYSCALL_TABLE_MARK = 'rt_sigprocmask';
const SECCOMP_COMPILER_MARK = "BPF instructions, more than the kernel's limit";

let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'oci-ts-runtime-scripts-'));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** bin/oci-ts-runtime.js and dist/ (without `without`) copied to `<tmp>/<name>`, node_modules linked: a build missing one script. */
function copyWithout(name: string, without: string): string {
  const to = join(tmp, name);
  mkdirSync(join(to, 'bin'), { recursive: true });
  mkdirSync(join(to, 'dist'));
  for (const f of ['oci-ts-runtime.js', 'package.json']) copyFileSync(join(REPO, 'bin', f), join(to, 'bin', f));
  for (const f of readdirSync(DIST)) if (/^(oci-ts-runtime|code-cache)/.test(f) && !f.startsWith(`${without}.`)) copyFileSync(join(DIST, f), join(to, 'dist', f));
  symlinkSync(join(REPO, 'node_modules'), join(to, 'node_modules'));
  return to;
}

function runtime(at: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(at, 'bin', 'oci-ts-runtime.js'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', OCI_DEBUG: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!BUILT)(`the split of oci-ts-runtime's scripts${BUILT ? '' : ' (skipped: npm run build first)'}`, () => {
  it('the build wrote each script with its cache', () => {
    for (const name of ['oci-ts-runtime', 'oci-ts-runtime-create', 'oci-ts-runtime-init', 'oci-ts-runtime-init-seccomp'])
      for (const ext of ['js', 'cache']) expect(existsSync(join(DIST, `${name}.${ext}`)), `dist/${name}.${ext}`).toBe(true);
  });

  it('the command line holds neither create, features nor the seccomp tables; create holds them, and its script is far the larger', () => {
    const cli = script('oci-ts-runtime');
    for (const mark of [CREATE_MARK, FEATURES_MARK, SYSCALL_TABLE_MARK]) expect(cli, mark).not.toContain(mark);
    const create = script('oci-ts-runtime-create');
    for (const mark of [CREATE_MARK, FEATURES_MARK, SYSCALL_TABLE_MARK]) expect(create, mark).toContain(mark);
    expect(cli.length * 3).toBeLessThan(create.length);
  });

  it("the init holds neither the seccomp compiler nor its tables; its seccomp script holds both", () => {
    const init = script('oci-ts-runtime-init');
    for (const mark of [SYSCALL_TABLE_MARK, SECCOMP_COMPILER_MARK]) expect(init, mark).not.toContain(mark);
    const seccomp = script('oci-ts-runtime-init-seccomp');
    for (const mark of [SYSCALL_TABLE_MARK, SECCOMP_COMPILER_MARK]) expect(seccomp, mark).toContain(mark);
  });

  it('without the create script: state, kill, --help work from the cache; create, run and features fail with one line naming it', () => {
    const at = copyWithout('no-create', 'oci-ts-runtime-create');
    const root = join(tmp, 'root-no-create');
    const missing = `oci-ts-runtime: ${join(at, 'dist', 'oci-ts-runtime-create.js')} is missing: run npm run build\n`;
    // OCI_DEBUG=1 would say "compiled without the code cache" on stderr
    expect(runtime(at, ['--root', root, 'state', 'none'])).toEqual({ code: 1, stdout: '', stderr: 'oci-ts-runtime: container none does not exist\n' });
    expect(runtime(at, ['--root', root, 'kill', 'none', 'KILL'])).toEqual({ code: 1, stdout: '', stderr: 'oci-ts-runtime: container none does not exist\n' });
    expect(runtime(at, ['--help'])).toMatchObject({ code: 0, stderr: '' });
    for (const args of [['create', '--bundle', tmp, 'c1'], ['run', '--bundle', tmp, 'c1'], ['features']])
      expect(runtime(at, ['--root', root, ...args]), args[0]).toEqual({ code: 1, stdout: '', stderr: missing });
    expect(existsSync(root) ? readdirSync(root) : []).toEqual([]);
  });

  it('a refusal inside the create script is one line without a stack (its RuntimeError is the command line\'s)', () => {
    const root = join(tmp, 'root-refusal');
    const nowhere = join(tmp, 'nowhere');
    expect(runtime(REPO, ['--root', root, 'create', '--bundle', nowhere, 'c1'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `oci-ts-runtime: ${join(nowhere, 'config.json')}: no such file (is --bundle the bundle directory?)\n`,
    });
    expect(runtime(REPO, ['features'])).toMatchObject({ code: 0, stderr: '' });
  });

  const SKIP = skipReason();
  describe.skipIf(SKIP !== undefined)(`containers${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
    let template: string;
    beforeAll(async () => {
      template = join(tmp, 'template');
      await buildRootfs(template);
    }, 60_000);

    /** `run` of `mkdir /tmp/d`, with a filter that fails mkdir with EPERM or none; its output and exit status. */
    async function runMkdir(at: string, name: string, filtered: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
      const b = join(tmp, name);
      let c = ConfigBuilder.from(baseConfig('1.2.0')).withScript('mkdir /tmp/d 2>&1; echo "mkdir $?"').withCgroupsPath(`${PREFIX}-${name}`);
      if (filtered) c = c.withSeccomp({ defaultAction: 'SCMP_ACT_ALLOW', syscalls: [{ names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_ERRNO', errnoRet: 1 }] });
      await writeBundle(b, template, c.build());
      const root = join(tmp, `root-${name}`);
      const r = runtime(at, ['--root', root, 'run', '--bundle', b, name]);
      if (r.code !== 0) runtime(at, ['--root', root, 'delete', '--force', name]);
      expect(existsSync(root) ? readdirSync(root) : [], 'run deleted the container').toEqual([]);
      return r;
    }

    it('the init loads its seccomp script for a filter: mkdir fails with EPERM under it, works without', { timeout: 60_000 }, async () => {
      expect(await runMkdir(REPO, 'free', false)).toEqual({ code: 0, stdout: 'mkdir 0\n', stderr: '' });
      const r = await runMkdir(REPO, 'filtered', true);
      expect(r.stdout).toMatch(/Operation not permitted\nmkdir 1\n$/);
      expect(r.stderr).toBe('');
    });

    it('without the seccomp script: a container without a filter runs, one with a filter fails at create with one line naming it', { timeout: 60_000 }, async () => {
      const at = copyWithout('no-seccomp', 'oci-ts-runtime-init-seccomp');
      expect(await runMkdir(at, 'free2', false)).toEqual({ code: 0, stdout: 'mkdir 0\n', stderr: '' });
      expect(await runMkdir(at, 'filtered2', true)).toEqual({ code: 1, stdout: '', stderr: `oci-ts-runtime: ${join(at, 'dist', 'oci-ts-runtime-init-seccomp.js')} is missing: run npm run build\n` });
    });
  });
});
