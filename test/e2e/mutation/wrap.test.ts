/**
 * wrap.sh against a stub runtime that records its argv: what reaches the
 * runtime, what the wrapper answers itself, and what it does to config.json.
 * (mutation.test.ts runs it against runc; this pins its behaviour cheaply.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WRAPPER } from './sensitivity.js';

let dir: string;
let stub: string;
let calls: string;
let bundle: string;
const ID = 'oc0a1b2c-7-c';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-conform-wrap-'));
  stub = join(dir, 'runtime');
  calls = join(dir, 'calls');
  bundle = join(dir, 'bundle');
  await mkdir(bundle);
  // Records each argv on one line; `state` prints $STUB_STATE; exits $STUB_RC (default 0).
  await writeFile(stub, `#!/bin/sh\necho "$*" >> "${calls}"\nfor a in "$@"; do [ "$a" = state ] && printf '%s' "$STUB_STATE"; done\nexit \${STUB_RC:-0}\n`, { mode: 0o755 });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function wrap(args: string[], plan: object, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; calls: string[]; log: string[] }> {
  const planFile = join(dir, 'plan.json');
  const log = join(dir, 'log');
  await writeFile(planFile, JSON.stringify(plan));
  await writeFile(calls, '');
  await writeFile(log, '');
  const r = spawnSync(WRAPPER, ['--root', '/run/x', ...args], { encoding: 'utf8', env: { ...process.env, MUTATION_RUNC: stub, MUTATION_PLAN: planFile, MUTATION_LOG: log, ...env } });
  return { code: r.status, stdout: r.stdout, calls: (await readFile(calls, 'utf8')).split('\n').filter(Boolean), log: (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
}

async function writeConfig(doc: object): Promise<void> {
  await writeFile(join(bundle, 'config.json'), JSON.stringify(doc));
}

describe('wrap.sh', () => {
  it('passes a call the plan does not name through unchanged, exit code included', async () => {
    const r = await wrap(['kill', 'oc0a1b2c-canary-c', 'SIGKILL'], { liar: { '7': 'kill-ignored' } }, { STUB_RC: '3' });
    expect(r.code).toBe(3);
    expect(r.calls).toEqual(['--root /run/x kill oc0a1b2c-canary-c SIGKILL']);
    expect(r.log).toEqual([]);
  });

  it('applies config ops to the named container before create, and records the config as created', async () => {
    await writeConfig({ process: { args: ['sh'], oomScoreAdj: 5 }, linux: { namespaces: [{ type: 'pid' }, { type: 'user' }] } });
    const rec = join(dir, 'rec');
    await mkdir(rec, { recursive: true });
    const ops = [
      { op: 'del', path: ['linux', 'namespaces', 1] },
      { op: 'set', path: ['process', 'oomScoreAdj'], value: 0 },
    ];
    const r = await wrap(['create', '--bundle', bundle, '--pid-file', '/p', ID], { config: { '7-c': ops, '7-other': [{ op: 'del', path: ['process'] }] } }, { MUTATION_RECORD: rec });
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([`--root /run/x create --bundle ${bundle} --pid-file /p ${ID}`]);
    expect(JSON.parse(await readFile(join(bundle, 'config.json'), 'utf8'))).toEqual({ process: { args: ['sh'], oomScoreAdj: 0 }, linux: { namespaces: [{ type: 'pid' }] } });
    expect(JSON.parse(await readFile(join(rec, `${ID}.json`), 'utf8')).linux.namespaces).toHaveLength(2); // recorded before the mutation
    expect(r.log).toEqual([`${ID} config mutated: ${JSON.stringify(ops)}`]);
  });

  it('says so when the ops change nothing, and drops --console-socket once the terminal is gone', async () => {
    await writeConfig({ process: { terminal: true } });
    const r = await wrap(['create', '--bundle', bundle, '--console-socket', '/s.sock', ID], { config: { '7-c': [{ op: 'set', path: ['process', 'terminal'], value: false }] } });
    expect(r.calls).toEqual([`--root /run/x create --bundle ${bundle} ${ID}`]);
    const same = await wrap(['create', '--bundle', bundle, ID], { config: { '7-c': [{ op: 'del', path: ['hooks'] }] } });
    expect(same.log[0]).toMatch(/^\S+ config unchanged: /);
  });

  it.each([
    ['state-created-as-running', { status: 'created', pid: 42 }, { status: 'running', pid: 42 }],
    ['state-running-as-stopped', { status: 'running', pid: 42 }, { status: 'stopped', pid: 42 }],
    ['state-running-as-stopped', { status: 'created', pid: 42 }, { status: 'created', pid: 42 }],
  ])('%s: state prints the lie', async (liar, truth, lie) => {
    const r = await wrap(['state', ID], { liar: { '7': liar } }, { STUB_STATE: JSON.stringify(truth) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(lie);
    expect(r.log).toEqual(JSON.stringify(truth) === JSON.stringify(lie) ? [] : [`${ID} state lied`]);
  });

  it('state-wrong-pid: state names a live process that is not the container', async () => {
    const r = await wrap(['state', ID], { liar: { '7': 'state-wrong-pid' } }, { STUB_STATE: JSON.stringify({ status: 'running', pid: 42 }) });
    const pid = JSON.parse(r.stdout).pid as number;
    expect(pid).not.toBe(42);
    expect(pid).toBeGreaterThan(1);
  });

  it('kill-ignored and start-noop answer 0 without calling the runtime', async () => {
    for (const [liar, args] of [
      ['kill-ignored', ['kill', ID, 'SIGTERM']],
      ['start-noop', ['start', ID]],
    ] as const) {
      const r = await wrap([...args], { liar: { '7': liar } }, { STUB_RC: '1' });
      expect(r.code).toBe(0);
      expect(r.calls).toEqual([]);
    }
  });

  it('delete-forced turns delete into delete --force', async () => {
    const r = await wrap(['delete', ID], { liar: { '7': 'delete-forced' } });
    expect(r.calls).toEqual([`--root /run/x delete --force ${ID}`]);
  });

  it('create-starts starts right after create, and the later start does nothing', async () => {
    await writeConfig({});
    const r = await wrap(['create', '--bundle', bundle, ID], { liar: { '7': 'create-starts' } });
    expect(r.calls).toEqual([`--root /run/x create --bundle ${bundle} ${ID}`, `--root /run/x start ${ID}`]);
    const s = await wrap(['start', ID], { liar: { '7': 'create-starts' } });
    expect(s.calls).toEqual([]);
  });
});
