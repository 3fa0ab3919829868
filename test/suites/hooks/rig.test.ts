import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeLog, HOOK_SCRIPT, hookOrder, indexOf, parseLog } from '../../../suites/hooks/_lib/rig.js';

const BUSYBOX = '/usr/bin/busybox';

/** Runs the hook script the way a runtime would: busybox with argv[0] 'sh', the state on stdin. */
function runHook(dir: string, label: string, rc: number, nap: number, stdin: string, env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve) => {
    const p = spawn(BUSYBOX, ['-c', HOOK_SCRIPT, 'oci-hook', dir, label, String(rc), String(nap)], { argv0: 'sh', env, stdio: ['pipe', 'ignore', 'ignore'] });
    p.stdin.end(stdin);
    p.on('exit', (code) => resolve(code));
  });
}

describe('hook rig', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'h9-rig-'));
    await mkdir(dir, { recursive: true });
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it.skipIf(!existsSync(BUSYBOX))('logs label, argv[0], namespaces, env and the state pid cmdline, saves stdin, exits with the asked status', async () => {
    const state = JSON.stringify({ ociVersion: '1.2.0', id: 'x', status: 'creating', pid: process.pid, bundle: '/b' });
    const code = await runHook(dir, 'createRuntime', 3, 0, state, { PATH: '/usr/bin:/bin', OCI_HOOK_B: 'two words', OCI_HOOK_A: '1' });
    expect(code).toBe(3);
    expect(await readFile(join(dir, 'createRuntime.stdin'), 'utf8')).toBe(state);
    const log = parseLog(await readFile(join(dir, 'log'), 'utf8'));
    expect(log).toHaveLength(1);
    const e = log[0]!;
    if (e.type !== 'hook') throw new Error('not a hook line');
    expect(e.label).toBe('createRuntime');
    expect(e.argv0).toBe('sh');
    expect(e.env).toBe('OCI_HOOK_A=1 OCI_HOOK_B=two words');
    expect(e.mnt).toMatch(/^mnt:\[\d+\]$/);
    expect(e.pidns).toMatch(/^pid:\[\d+\]$/);
    const own = (await readFile('/proc/self/cmdline', 'utf8')).replace(/\0/g, '').split('\n')[0];
    expect(e.proc).toBe(own);
    expect(e.args).toBe(`${dir} createRuntime 3 0`);
  });

  it.skipIf(!existsSync(BUSYBOX))('writes a done line only after its nap', async () => {
    await runHook(dir, 'slow', 0, 1, '{}', { PATH: '/usr/bin:/bin' });
    const log = parseLog(await readFile(join(dir, 'log'), 'utf8'));
    expect(log.map((e) => e.type)).toEqual(['hook', 'done']);
    expect(indexOf(log, 'slow', 'done')).toBe(1);
  });

  it('parses markers, hook and done lines and reports order', async () => {
    const text = ['hook\ta\tmnt:[1]\tpid:[2]\tsh\t\t\td a 0 0', '@created', 'hook\tb\tmnt:[1]\tpid:[2]\tsh\t\t\td b 0 1', 'done\tb', '@started', 'garbage', ''].join('\n');
    await writeFile(join(dir, 'log'), text);
    const log = parseLog(text);
    expect(hookOrder(log)).toEqual(['a', 'b']);
    expect(indexOf(log, 'created', 'mark')).toBe(1);
    expect(indexOf(log, 'missing')).toBe(-1);
    expect(describeLog(log)).toBe('a @created b b(done) @started');
  });
});
