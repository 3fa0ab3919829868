/**
 * forkProcess (runtime/child-process.ts): the init's start where a new time namespace is pending, with fork instead of
 * posix_spawn. What the child gets is what spawnProcess gives it: the descriptors asked for at the numbers asked for
 * and none of our close-on-exec ones, a session of its own, the working directory and environment given, argv[0] as given, no
 * signal ignored or blocked; and its pid is ours to wait for.
 */
import { mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forkProcess } from '../../runtime/child-process.js';
import { close, pipe, waitpid } from '../../runtime/libc.js';

const tmp = mkdtempSync(join(tmpdir(), 'fork-process-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `script` in sh through forkProcess with its stdout in a file and `fds` beside; its exit status and output. */
function run(script: string, fds: [number, number][] = [], cwd = '/', argv0 = 'sh'): { status: number; out: string; pid: number } {
  const outFile = join(tmp, `out-${Math.random().toString(36).slice(2)}`);
  const out = openSync(outFile, 'w');
  try {
    const pid = forkProcess('/bin/sh', [argv0, '-c', script], ['PATH=/usr/bin:/bin', 'MARK=forked'], { fds: [[1, out], ...fds], cwd, setsid: true });
    const { status } = waitpid(pid, 0);
    return { status, out: readFileSync(outFile, 'utf8'), pid };
  } finally {
    close(out);
  }
}

describe('forkProcess', () => {
  it('gives the child the descriptors asked for at their numbers, and none of ours that is close-on-exec', () => {
    const [r, w] = pipe();
    try {
      const { status, out } = run('ls /proc/self/fd | tr "\\n" " "; echo hello >&5', [[5, w]]);
      expect(status).toBe(0);
      const fds = out.trim().split(/\s+/);
      // 0 and 2 are /dev/null (asked for none), 1 the file, 5 the pipe's write end (close-on-exec here, as pipe2 made it)
      expect(fds).toEqual(expect.arrayContaining(['0', '1', '2', '5']));
      expect(fds).not.toContain(String(r));
      expect(fds).not.toContain(String(w));
      close(w);
      const b = Buffer.alloc(16);
      expect(b.toString('utf8', 0, readSync(r, b))).toBe('hello\n');
    } finally {
      close(r);
    }
  });

  it('a session of its own, the working directory, the environment and argv[0] given', () => {
    const { status, out, pid } = run('echo "$(cut -d" " -f6 /proc/$$/stat) $PWD $MARK $0"; env | sort | tr "\\n" " "', [], '/usr', 'init-name');
    expect(status).toBe(0);
    const [first, second] = out.split('\n');
    expect(first).toBe(`${pid} /usr forked init-name`);
    expect(second).toContain('MARK=forked');
    expect(second).not.toContain('HOME=');
  });

  it('no signal ignored or blocked in the child', () => {
    const { out } = run('grep -E "^(SigBlk|SigIgn)" /proc/$$/status');
    expect(out).toMatch(/^SigBlk:\s+0+$/m);
    expect(out).toMatch(/^SigIgn:\s+0+$/m);
  });

  it('a program that does not exist is an error, not a pid', () => {
    expect(() => forkProcess('/nonexistent/program', ['x'], [], { fds: [], cwd: '/', setsid: false })).toThrow(/\/nonexistent\/program/);
  });
});
