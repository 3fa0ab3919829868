/**
 * Hostile images (issue 13): every case of test/corpus/image/hostile.ts is
 * built in a temp dir and given to the CLI with a 256 MiB heap. Each must be
 * rejected with its rule id (or its input error), exit with a code, not hang
 * (killed after 2 minutes: a null code fails), stay under 400 MiB of RSS, and
 * write nothing anywhere: under strace no file-writing system call at all,
 * and without it the case's directory, a canary directory and an empty TMPDIR
 * as they were.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, snapshot } from './helpers.js';
import type { Built } from '../corpus/image/hostile.js';
import { HOSTILE } from '../corpus/image/hostile.js';

const TIME = '/usr/bin/time';
const STRACE = ['/usr/bin/strace', '/usr/local/bin/strace'].find((p) => existsSync(p));
/** System calls that change a file system (open for writing, create, remove, rename, link, chmod, ...). */
const WRITING = /^\d+\s+(?:(?:open|openat|openat2|creat)\(.*\b(?:O_WRONLY|O_RDWR|O_CREAT|O_TRUNC)\b|(?:creat|mkdir|mkdirat|unlink|unlinkat|rmdir|rename|renameat|renameat2|link|linkat|symlink|symlinkat|chmod|fchmodat|chown|lchown|fchownat|truncate|utime|utimes|utimensat|futimesat|mknod|mknodat|setxattr|lsetxattr|removexattr|lremovexattr)\()/;
const RSS_LIMIT_KIB = 400 * 1024;

let work: string;
let canary: string;
let emptyTmp: string;
const built = new Map<string, Built>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'oci-image-hostile-'));
  canary = join(work, 'canary');
  mkdirSync(canary);
  writeFileSync(join(canary, 'untouched'), 'nothing may write here\n');
  emptyTmp = join(work, 'tmp');
  mkdirSync(emptyTmp);
  for (const [i, c] of HOSTILE.entries()) {
    const dir = join(work, `case-${i}`);
    mkdirSync(join(dir, 'outside'), { recursive: true });
    built.set(c.name, await c.build(dir, join(dir, 'outside')));
  }
}, 300_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Report {
  documents: Array<{ diagnostics: Array<{ rule: string; severity: string; file: string }> }>;
  errors?: Array<{ code: string }>;
}

describe('hostile images: rejected with their rule id, in bounded memory, writing nothing', () => {
  it('covers the list of issue 13', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(20);
  });

  it.each(HOSTILE.map((c, i) => [c.name, i] as const))('%s', (name, i) => {
    const c = HOSTILE[i]!;
    const b = built.get(name)!;
    const dir = join(work, `case-${i}`);
    const before = snapshot(dir);
    const canaryBefore = snapshot(canary);
    const trace = join(work, `strace-${i}.txt`);
    const prefix = [
      ...(existsSync(TIME) ? [TIME, '-f', 'maxrss-kib=%M'] : []),
      ...(STRACE ? [STRACE, '-f', '-qq', '--seccomp-bpf', '-e', 'trace=%file', '-o', trace] : []),
    ];
    const r = runCli('oci-validate.js', ['--format', 'json', ...(b.args ?? []), b.target], {
      prefix,
      nodeArgs: ['--max-old-space-size=256'],
      env: { TMPDIR: emptyTmp },
      timeoutMs: 120_000,
    });
    expect(r.code, `exit code (null: killed after 2 minutes, a hang)\n${r.stderr}`).not.toBeNull();
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const rep = JSON.parse(r.stdout) as Report;
    const all = rep.documents.flatMap((d) => d.diagnostics);
    if ('rules' in c.expect) {
      expect(r.code, r.stderr).toBe(1);
      for (const [rule, n] of Object.entries(c.expect.rules))
        expect(all.filter((d) => d.rule === rule && d.severity === 'error').length, rule).toBeGreaterThanOrEqual(n);
    } else {
      expect(r.code).toBe(2);
      expect(rep.errors?.map((e) => e.code)).toEqual([c.expect.inputError]);
      const lines = r.stderr.split('\n').filter((l) => l.startsWith('oci-validate: '));
      expect(lines).toHaveLength(1);
    }
    if (c.absent) {
      expect(b.refused).toBeDefined();
      const onRefused = rep.documents.flatMap((d) => d.diagnostics).filter((d) => d.file.endsWith(b.refused!));
      for (const rule of c.absent) expect(onRefused.map((d) => d.rule)).not.toContain(rule);
    }

    if (existsSync(TIME)) {
      const kib = Number(/maxrss-kib=(\d+)/.exec(r.stderr)?.[1]);
      expect(kib).toBeGreaterThan(0);
      expect(kib, 'peak RSS in KiB').toBeLessThan(RSS_LIMIT_KIB);
    }
    if (STRACE) {
      const writes = readFileSync(trace, 'utf8')
        .split('\n')
        .filter((l) => WRITING.test(l));
      expect(writes).toEqual([]);
    }
    expect(snapshot(dir)).toBe(before);
    expect(snapshot(canary)).toBe(canaryBefore);
    expect(readdirSync(emptyTmp)).toEqual([]);
  });
});

describe('a FIFO named on the command line', () => {
  it('is read like cat reads it: process substitution works', () => {
    const config = join(work, 'config.json');
    writeFileSync(config, JSON.stringify({ ociVersion: '1.2.0', root: { path: 'rootfs' }, process: { cwd: '/', args: ['sh'], user: { uid: 0, gid: 0 } } }));
    const r = spawnSync('bash', ['-c', `"$0" "$1" --format json <(cat "$2")`, process.execPath, join(REPO, 'bin', 'oci-validate.js'), config], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout) as { documents: Array<{ file: string; kind: string }> };
    expect(rep.documents).toHaveLength(1);
    expect(rep.documents[0]!.kind).toBe('config');
    expect(rep.documents[0]!.file).toMatch(/^\/dev\/fd\/\d+$|^\/proc\/self\/fd\/\d+$/);
  });
});
