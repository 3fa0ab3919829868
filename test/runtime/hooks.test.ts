/**
 * runtime/hooks.ts with real programs: args[0] is the program's argv[0]
 * (busybox picks its applet by it), env is the whole environment (read from
 * /proc/$$/environ, exactly what execve got), the state is on stdin, a timeout
 * kills the hook, and the ways a hook fails are each one line. runHooks stops
 * at the first failure unless told to keep going.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHook, runHooks } from '../../runtime/hooks.js';
import type { Hook, State } from '../../runtime/spec.js';

const BUSYBOX = '/usr/bin/busybox';
const STATE: State = { ociVersion: '1.2.0', id: 'hooked', status: 'creating', pid: 4242, bundle: '/some/bundle', annotations: { 'a.b': 'c' } };

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'oci-ts-hooks-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A hook running a busybox sh script (argv[0] "sh" picks the applet). */
const sh = (script: string, extra: Partial<Hook> = {}): Hook => ({ path: BUSYBOX, args: ['sh', '-c', script, 'hook'], ...extra });

describe.skipIf(!existsSync(BUSYBOX))(`runHook (needs ${BUSYBOX})`, () => {
  it('passes args[0] as argv[0] and the rest as arguments', () => {
    expect(runHook('prestart', 0, { path: BUSYBOX, args: ['true'] }, STATE)).toBeUndefined();
    expect(runHook('prestart', 0, { path: BUSYBOX, args: ['false'] }, STATE)).toBe(`hook prestart[0] (${BUSYBOX}) exited with status 1`);
    const out = join(dir, 'argv');
    expect(runHook('prestart', 0, sh(`printf '%s|' "$0" "$@" > ${out}`, { args: ['sh', '-c', `printf '%s|' "$0" "$@" > ${out}`, 'zero', 'one', 'two words'] }), STATE)).toBeUndefined();
    expect(readFileSync(out, 'utf8')).toBe('zero|one|two words|');
  });

  it('without args the path alone is argv', () => {
    const script = join(dir, 'noargs.sh');
    const out = join(dir, 'argc');
    writeFileSync(script, `#!${BUSYBOX} sh\necho "$#" > ${out}\n`);
    chmodSync(script, 0o755);
    expect(runHook('poststop', 2, { path: script }, STATE)).toBeUndefined();
    expect(readFileSync(out, 'utf8')).toBe('0\n');
  });

  /** A hook that is node writing its own environment (node adds nothing to it) as JSON. */
  const envHook = (out: string, env?: string[]): Hook => ({
    path: process.execPath,
    args: ['node', '-e', `require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.env))`],
    ...(env ? { env } : {}),
  });

  it('gives env as the whole environment, nothing inherited, entries without = left out', () => {
    const out = join(dir, 'environ');
    process.env.OCI_TS_HOOK_TEST_LEAK = 'leak';
    try {
      expect(runHook('createRuntime', 0, envHook(out, ['A=1', 'B=x=y', 'EMPTY=', 'NOEQUALS']), STATE)).toBeUndefined();
    } finally {
      delete process.env.OCI_TS_HOOK_TEST_LEAK;
    }
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ A: '1', B: 'x=y', EMPTY: '' });
  });

  it('without env the environment is empty', () => {
    const out = join(dir, 'environ');
    expect(runHook('createRuntime', 0, envHook(out), STATE)).toBeUndefined();
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({});
  });

  it('a hook that exits without reading its stdin is judged by its exit status alone', () => {
    // before runtime/hooks.ts ignored EPIPE, about a third of these failed with "could not run: spawnSync ... EPIPE"
    for (let i = 0; i < 50; i++) {
      expect(runHook('prestart', 0, { path: BUSYBOX, args: ['true'] }, STATE)).toBeUndefined();
      expect(runHook('prestart', 0, sh('exit 4'), STATE)).toBe(`hook prestart[0] (${BUSYBOX}) exited with status 4`);
    }
  });

  it('writes the state as JSON on stdin', () => {
    const out = join(dir, 'stdin');
    expect(runHook('poststart', 0, sh(`${BUSYBOX} cat > ${out}`), STATE)).toBeUndefined();
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(STATE);
  });

  it('kills a hook that runs past its timeout, and says so', () => {
    const pidFile = join(dir, 'pid');
    const msg = runHook('createRuntime', 1, sh(`echo $$ > ${pidFile}; exec ${BUSYBOX} sleep 60`, { timeout: 1 }), STATE);
    expect(msg).toBe(`hook createRuntime[1] (${BUSYBOX}) ran past its timeout of 1 s and was killed`);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    // spawnSync reaped it: the pid is gone (or reused by an unrelated process, which is not a sleep of ours)
    const comm = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
    expect(comm).not.toContain('sleep\u000060');
  });

  it('a hook within its timeout succeeds', () => {
    expect(runHook('createRuntime', 0, sh('exit 0', { timeout: 30 }), STATE)).toBeUndefined();
  });

  it('reports the exit status with the last line of stderr', () => {
    expect(runHook('prestart', 3, sh('echo first >&2; echo "the reason" >&2; exit 7'), STATE)).toBe(`hook prestart[3] (${BUSYBOX}) exited with status 7: the reason`);
    expect(runHook('prestart', 0, sh('exit 3'), STATE)).toBe(`hook prestart[0] (${BUSYBOX}) exited with status 3`);
  });

  it('reports a hook killed by a signal', () => {
    expect(runHook('poststop', 0, sh('kill -9 $$'), STATE)).toBe(`hook poststop[0] (${BUSYBOX}) was killed by SIGKILL`);
  });

  it('reports a missing or non-executable program', () => {
    const missing = join(dir, 'missing');
    expect(runHook('prestart', 0, { path: missing }, STATE)).toBe(`hook prestart[0] (${missing}) could not run: no such file`);
    const plain = join(dir, 'plain');
    writeFileSync(plain, '#!/bin/sh\nexit 0\n', { mode: 0o644 });
    expect(runHook('prestart', 0, { path: plain }, STATE)).toMatch(new RegExp(`^hook prestart\\[0\\] \\(${plain}\\) could not run: .*EACCES`));
  });

  it('messages are one line', () => {
    const m = runHook('prestart', 0, sh('printf "a\\nb\\nc\\n" >&2; exit 1'), STATE)!;
    expect(m.split('\n')).toHaveLength(1);
    expect(m).toMatch(/: c$/);
  });
});

describe.skipIf(!existsSync(BUSYBOX))(`runHooks (needs ${BUSYBOX})`, () => {
  const log = (): string => join(dir, 'order');
  const step = (name: string, status = 0): Hook => sh(`echo ${name} >> ${log()}; exit ${status}`);

  it('runs hooks in array order', () => {
    expect(runHooks('prestart', [step('a'), step('b'), step('c')], STATE)).toEqual([]);
    expect(readFileSync(log(), 'utf8')).toBe('a\nb\nc\n');
  });

  it('stops at the first failure, naming its index', () => {
    const failed = runHooks('createRuntime', [step('a'), step('b', 4), step('c')], STATE);
    expect(failed).toEqual([{ index: 1, message: `hook createRuntime[1] (${BUSYBOX}) exited with status 4` }]);
    expect(readFileSync(log(), 'utf8')).toBe('a\nb\n');
  });

  it('keepGoing runs them all and reports each failure', () => {
    const failed = runHooks('poststop', [step('a', 1), step('b'), step('c', 2)], STATE, true);
    expect(failed.map((f) => f.index)).toEqual([0, 2]);
    expect(readFileSync(log(), 'utf8')).toBe('a\nb\nc\n');
  });

  it('no hooks is no failure', () => {
    expect(runHooks('poststart', undefined, STATE)).toEqual([]);
    expect(runHooks('poststart', [], STATE)).toEqual([]);
  });
});
