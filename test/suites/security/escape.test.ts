import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exeWriteAccess,
  extraFds,
  fingerprint,
  fingerprintChanges,
  interpreterProgram,
  mountPointsOf,
  mountsAtOrUnder,
  parseExeProbe,
  parseFdListing,
  runtimeFiles,
  shebangOf,
} from '../../../suites/security/_lib/escape.js';

describe('parseFdListing / extraFds', () => {
  const LS = [
    'total 0',
    'lr-x------    1 root     root            64 Dec  5 10:21 0 -> /dev/null',
    'l-wx------    1 root     root            64 Dec  5 10:21 1 -> /run/c/stdout',
    'lr-x------    1 root     root            64 Dec  5 10:21 10 -> /sys/fs/cgroup',
    'l-wx------    1 root     root            64 Dec  5 10:21 2 -> /run/c/stderr',
    'l-wx------    1 root     root            64 Dec  5 10:21 3 -> pipe:[5429318]',
  ].join('\n');

  it('reads busybox ls -l lines, sorted by fd, and keeps only fds above 2 as extra', () => {
    const fds = parseFdListing(LS);
    expect(fds.map((f) => f.fd)).toEqual([0, 1, 2, 3, 10]);
    expect(extraFds(fds)).toEqual([
      { fd: 3, target: 'pipe:[5429318]' },
      { fd: 10, target: '/sys/fs/cgroup' },
    ]);
  });

  it('finds nothing extra in a listing of stdio alone, and nothing at all in other text', () => {
    expect(extraFds(parseFdListing(LS.split('\n').slice(0, 3).join('\n')))).toEqual([]);
    expect(parseFdListing('ls: /proc/1/fd: Permission denied\n')).toEqual([]);
  });
});

describe('mountPointsOf / mountsAtOrUnder', () => {
  const MI = [
    '22 1 0:21 / / rw shared:1 - ext4 /dev/sda1 rw',
    '40 22 0:40 / /tmp/h10\\040host rw shared:9 - tmpfs tmpfs rw',
    '41 40 0:41 / /tmp/h10\\040host/target rw - tmpfs tmpfs rw',
    '42 22 0:42 / /tmp/h10\\040hostx rw - tmpfs tmpfs rw',
  ].join('\n');

  it('undoes the escapes and matches the directory and what is below it, not a sibling with the same prefix', () => {
    const points = mountPointsOf(MI);
    expect(points).toEqual(['/', '/tmp/h10 host', '/tmp/h10 host/target', '/tmp/h10 hostx']);
    expect(mountsAtOrUnder(points, '/tmp/h10 host/')).toEqual(['/tmp/h10 host', '/tmp/h10 host/target']);
    expect(mountsAtOrUnder(points, '/tmp/other')).toEqual([]);
  });
});

describe('shebangOf / interpreterProgram', () => {
  it('reads the interpreter line, with and without an argument', () => {
    expect(shebangOf('#!/usr/bin/node\nconsole.log(1)')).toEqual({ interpreter: '/usr/bin/node' });
    expect(shebangOf('#! /usr/bin/env  -S node --no-warnings\n')).toEqual({ interpreter: '/usr/bin/env', arg: '-S node --no-warnings' });
    expect(shebangOf('\u007fELF\u0002...')).toBeUndefined();
    expect(shebangOf('#!\n')).toBeUndefined();
  });

  it('gives the interpreter itself, or the program env would run', () => {
    expect(interpreterProgram({ interpreter: '/usr/bin/node', arg: '--x' })).toBe('/usr/bin/node');
    expect(interpreterProgram({ interpreter: '/usr/bin/env', arg: '-S A=1 node --no-warnings' })).toBe('node');
    expect(interpreterProgram({ interpreter: '/bin/env' })).toBeUndefined();
    // bin/oci-ts-runtime.js's own line: the value of -u is a variable's name, not the program
    expect(interpreterProgram({ interpreter: '/usr/bin/env', arg: '-S -u NODE_EXTRA_CA_CERTS node' })).toBe('node');
    expect(interpreterProgram({ interpreter: '/usr/bin/env', arg: '-S --unset NODE_EXTRA_CA_CERTS -C / A=1 node' })).toBe('node');
    expect(interpreterProgram({ interpreter: '/usr/bin/env', arg: '-S -uNODE_EXTRA_CA_CERTS node' })).toBe('node');
    expect(interpreterProgram({ interpreter: '/usr/bin/env', arg: '-S -u NODE_EXTRA_CA_CERTS' })).toBeUndefined();
  });
});

describe('runtimeFiles / fingerprint', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'h10-escape-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('follows a symlinked script runtime to its file and its interpreter through env and PATH', async () => {
    const bin = join(dir, 'bin');
    await mkdir(bin);
    await writeFile(join(bin, 'fake-node'), '\u007fELF not a script', { mode: 0o755 });
    await writeFile(join(dir, 'rt.js'), '#!/usr/bin/env fake-node\n', { mode: 0o755 });
    await symlink(join(dir, 'rt.js'), join(dir, 'my-runtime'));
    expect(await runtimeFiles(join(dir, 'my-runtime'), bin)).toEqual([join(dir, 'rt.js'), join(bin, 'fake-node')]);
  });

  it('gives a binary alone, and skips an interpreter name it can not find in PATH', async () => {
    await writeFile(join(dir, 'bin-rt'), '\u007fELF', { mode: 0o755 });
    await writeFile(join(dir, 'script-rt'), '#!/usr/bin/env no-such-h10-interp\n', { mode: 0o755 });
    expect(await runtimeFiles(join(dir, 'bin-rt'), dir)).toEqual([join(dir, 'bin-rt')]);
    expect(await runtimeFiles(join(dir, 'script-rt'), dir)).toEqual([join(dir, 'script-rt')]);
  });

  it('tells a changed file by its content, size and mtime, and an untouched one by nothing', async () => {
    const f = join(dir, 'rt');
    await writeFile(f, 'abc', { mode: 0o755 });
    const a = await fingerprint(f);
    expect(fingerprintChanges(a, await fingerprint(f))).toEqual([]);
    await writeFile(f, 'abcd');
    await chmod(f, 0o755);
    await utimes(f, new Date(1_000_000), new Date(1_000_000));
    const changes = fingerprintChanges(a, await fingerprint(f));
    expect(changes.map((c) => c.split(' ')[0])).toEqual(['size', 'mtimeMs', 'sha256']);
  });
});

describe('parseExeProbe / exeWriteAccess', () => {
  const targets = new Map([['65024:15884343', '/usr/sbin/runc']]);

  it('reads what runc 1.1.5 gives (its init is not dumpable): no write access', () => {
    const p = parseExeProbe(
      [
        'ready',
        "seen pid=7 link=ERR  id=ERR stat: can't stat '/proc/7/exe': Permission denied read=ERR /bin/sh: can't open /proc/7/exe: Permission denied write=ERR /bin/sh: can't create /proc/7/exe: Permission denied",
        'phase1-done',
        'phase2-done',
      ].join('\n'),
    );
    expect(p.seen).toHaveLength(1);
    expect(p.seen[0]?.pid).toBe('7');
    expect(p.seen[0]?.read).toBe("ERR /bin/sh: can't open /proc/7/exe: Permission denied");
    expect(p.kept).toBeUndefined();
    expect(exeWriteAccess(p, targets)).toEqual([]);
  });

  it('reports a runtime whose host executable the container kept open and reopened for writing, and a write while it ran', () => {
    const p = parseExeProbe(
      [
        'seen pid=7 link=/usr/sbin/runc id=65024:15884343 read=ok write=ERR /bin/sh: can\'t create /proc/7/exe: Text file busy',
        'kept id=65024:15884343',
        'seen pid=9 link=/memfd:runc_cloned (deleted) id=1:77 read=ok write=ok',
        'keptwrite ok',
      ].join('\n'),
    );
    expect(p.kept).toBe('65024:15884343');
    expect(exeWriteAccess(p, targets)).toEqual([
      "the container could open /proc/7/exe (the host's /usr/sbin/runc) for writing but for ETXTBSY, which lasts only while something runs it",
      "the container reopened its descriptor of the host's /usr/sbin/runc for writing after the runtime's process ended",
    ]);
    const running = parseExeProbe('seen pid=7 link=/usr/sbin/runc id=65024:15884343 read=ok write=ok\n');
    expect(exeWriteAccess(running, targets)).toEqual(["the container opened /proc/7/exe (the host's /usr/sbin/runc) for writing while that process ran"]);
    const busy = parseExeProbe('kept id=65024:15884343\nkeptwrite ERR /bin/sh: can\'t create /proc/self/fd/5: Text file busy\n');
    expect(exeWriteAccess(busy, targets)).toEqual([
      "the container kept a descriptor of the host's /usr/sbin/runc and was kept from reopening it for writing only by ETXTBSY (another process still ran it)",
    ]);
    const readOnlyFs = parseExeProbe('seen pid=7 link=/usr/sbin/runc id=65024:15884343 read=ok write=ERR /bin/sh: can\'t create /proc/7/exe: Read-only file system\n');
    expect(exeWriteAccess(readOnlyFs, targets)).toEqual([]);
  });
});
