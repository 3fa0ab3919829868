/**
 * Documents written by real tools validate with zero errors: the configs of
 * `runc spec` and `crun spec` (plain and --rootless), and the state and
 * features documents of runc for a real container (busybox rootfs, created
 * but never started). Everything lives in one temp dir with a private runc
 * --root, and is deleted in afterAll, also when a step failed.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePath } from '../../validators/inputs.js';
import { validateDocument } from '../../validators/document.js';
import type { Diagnostic } from '../../validators/diagnostic.js';
import { IS_ROOT, run, runOk, which } from './tools.js';

const REPO = join(import.meta.dirname, '..', '..');
const BUSYBOX = '/usr/bin/busybox';

const RUNC = which('runc');
const CRUN = which('crun');

function errorsOf(diags: readonly Diagnostic[]): string[] {
  return diags.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.pointer} ${d.message}`);
}

let base = '';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'oci-conform-real-tools-'));
});

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe.each([
  ['runc spec', 'runc', RUNC, []],
  ['runc spec --rootless', 'runc', RUNC, ['--rootless']],
  ['crun spec', 'crun', CRUN, []],
  ['crun spec --rootless', 'crun', CRUN, ['--rootless']],
] as const)('%s', (_title, name, bin, extra) => {
  it.skipIf(!bin)(`writes a config.json that validates with zero errors${bin ? '' : ` (skipped: ${name} is not installed)`}`, async () => {
    const dir = join(base, `${name}-spec${extra.join('')}`);
    mkdirSync(join(dir, 'rootfs'), { recursive: true });
    runOk([bin!, 'spec', ...extra], dir);
    const results = await validatePath(dir);
    expect(results).toHaveLength(1);
    expect(results[0]!.kind).toBe('config');
    expect(errorsOf(results[0]!.diagnostics)).toEqual([]);
  });
});

describe.skipIf(!RUNC || !IS_ROOT || !existsSync(BUSYBOX))('runc state and features of a real container', () => {
  const id = `oci-conform-h3-${process.pid}-${Date.now().toString(36)}`;
  let root = '';
  let bundle = '';
  let stateFile = '';
  let featuresFile = '';
  let created = false;

  beforeAll(() => {
    root = join(base, 'runc-root');
    bundle = join(base, 'bundle');
    const rootfs = join(bundle, 'rootfs');
    for (const d of ['bin', 'proc', 'dev', 'sys', 'tmp']) mkdirSync(join(rootfs, d), { recursive: true });
    copyFileSync(BUSYBOX, join(rootfs, 'bin', 'busybox'));
    for (const applet of ['sh', 'sleep']) symlinkSync('busybox', join(rootfs, 'bin', applet));
    runOk([RUNC!, 'spec'], bundle);
    const configPath = join(bundle, 'config.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as {
      process: { args: string[]; terminal: boolean };
      linux: { cgroupsPath?: string };
    };
    config.process.args = ['sleep', '30'];
    config.process.terminal = false;
    // Relative: beneath the cgroup this test runs in, named after our container only.
    config.linux.cgroupsPath = id;
    writeFileSync(configPath, JSON.stringify(config, null, 2));

    // The container init inherits stdio and keeps it open: give it files, not pipes.
    const out = openSync(join(base, 'create.out'), 'w');
    const err = openSync(join(base, 'create.err'), 'w');
    try {
      created = true; // from here on, afterAll tries to delete it
      const r = spawnSync(RUNC!, ['--root', root, 'create', '--bundle', bundle, id], { stdio: ['ignore', out, err], timeout: 60_000 });
      if (r.error) throw r.error;
      if (r.status !== 0) throw new Error(`runc create exited ${String(r.status)}: ${readFileSync(join(base, 'create.err'), 'utf8').trim()}`);
    } finally {
      closeSync(out);
      closeSync(err);
    }
    stateFile = join(base, 'state.json');
    writeFileSync(stateFile, runOk([RUNC!, '--root', root, 'state', id]));
    featuresFile = join(base, 'features.json');
    writeFileSync(featuresFile, runOk([RUNC!, 'features']));
  });

  afterAll(() => {
    if (created) {
      const r = run([RUNC!, '--root', root, 'delete', '--force', id]);
      // A container that never came to exist is fine; anything else is worth seeing.
      if (r.status !== 0 && !/does not exist|not found/i.test(r.stderr)) throw new Error(`runc delete --force ${id} failed: ${r.stderr.trim()}`);
    }
  });

  it('has runc report the container as created, with its pid', () => {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { id: string; status: string; pid: number; bundle: string };
    expect(state.id).toBe(id);
    expect(state.status).toBe('created');
    expect(state.pid).toBeGreaterThan(0);
    expect(state.bundle).toBe(bundle);
  });

  it('gets a state document that is detected as one and validates with zero errors', async () => {
    const [r] = await validatePath(stateFile);
    expect(r!.kind).toBe('state');
    expect(errorsOf(r!.diagnostics)).toEqual([]);
  });

  it('gets a features document that is detected as one and validates with zero errors', async () => {
    const [r] = await validatePath(featuresFile);
    expect(r!.kind).toBe('features');
    expect(errorsOf(r!.diagnostics)).toEqual([]);
  });

  it('still finds the broken state when the pid is taken away (the check is live)', async () => {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, unknown>;
    delete state.pid;
    const r = await validateDocument('state-without-pid.json', JSON.stringify(state));
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['state.pid-required']);
  });

  it('gets a running state after start that validates with zero errors', async () => {
    // start only releases the init process created above; it leaves no process of its own holding our pipes.
    runOk([RUNC!, '--root', root, 'start', id]);
    const text = runOk([RUNC!, '--root', root, 'state', id]);
    const state = JSON.parse(text) as { status: string; pid: number };
    expect(state.status).toBe('running');
    expect(state.pid).toBeGreaterThan(0);
    const file = join(base, 'state-running.json');
    writeFileSync(file, text);
    const [r] = await validatePath(file);
    expect(r!.kind).toBe('state');
    expect(errorsOf(r!.diagnostics)).toEqual([]);
  });

  it('validates the bundle, the state and the features through the built CLI with exit code 0', () => {
    const cli = join(REPO, 'bin', 'oci-validate.js');
    expect(existsSync(join(REPO, 'dist', 'oci-validate.js')), 'run npm run build first').toBe(true);
    const r = spawnSync(process.execPath, [cli, bundle, stateFile, featuresFile], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    expect(r.error).toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.status, r.stdout).toBe(0);
  });
});
