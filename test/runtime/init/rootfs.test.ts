/**
 * runtime/init/rootfs.ts for real: each case builds a busybox rootfs in a
 * temp dir, runs prepareRootfs + enterRootfs in a new mount and pid namespace
 * (rootfs-driver.ts under unshare) and reads back what busybox saw inside:
 * its mountinfo, stat and readlink of /dev, reads and writes. The temp dir is
 * made a shared mount on the host first, so a mount that propagated back
 * would show on the host; after each case the host's mountinfo must have no
 * new entry.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRootfsConfig } from '../../../runtime/init/rootfs.js';
import { parseMountOptions } from '../../../runtime/init/rootfs-options.js';
import * as L from '../../../runtime/libc.js';
import type { Mount, Spec } from '../../../runtime/spec.js';
import { LINUX_MOUNT_OPTIONS } from '../../../spec/runtime/config.js';

const DRIVER = fileURLToPath(new URL('./rootfs-driver.ts', import.meta.url));
const REPO = resolve(dirname(DRIVER), '../../..');
const CAN_RUN = process.getuid?.() === 0 && existsSync('/usr/bin/busybox') && spawnSync('unshare', ['--version']).status === 0;

interface Entry {
  id: string;
  parent: string;
  mountPoint: string;
  options: string[];
  optional: string[];
  fstype: string;
}

function parseMountinfo(text: string): Entry[] {
  return text
    .split('\n')
    .filter((l) => / - /.test(l))
    .map((l) => {
      const [left = '', right = ''] = l.split(' - ');
      const f = left.split(' ');
      return { id: f[0] ?? '', parent: f[1] ?? '', mountPoint: (f[4] ?? '').replace(/\\040/g, ' '), options: (f[5] ?? '').split(','), optional: f.slice(6), fstype: right.split(' ')[0] ?? '' };
    });
}

function propagation(e: Entry | undefined): string {
  if (!e) return 'missing';
  const shared = e.optional.some((o) => o.startsWith('shared:'));
  const slave = e.optional.some((o) => o.startsWith('master:'));
  if (e.optional.includes('unbindable')) return 'unbindable';
  return shared && slave ? 'shared+slave' : shared ? 'shared' : slave ? 'slave' : 'private';
}

const at = (mounts: Entry[], point: string): Entry | undefined => mounts.filter((m) => m.mountPoint === point).pop();
const hostDevFstype = (): string | undefined => parseMountinfo(readFileSync('/proc/self/mountinfo', 'utf8')).filter((m) => m.mountPoint === '/dev').pop()?.fstype;
const hostMountinfo = (): string[] => readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter(Boolean);

let tmp = '';
let bundle = '';
let rootfs = '';
let before: string[] = [];

function sh(cmd: string, ...args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
}

function buildRootfs(): void {
  for (const d of ['bin', 'proc', 'sys', 'dev', 'etc', 'mnt', 'tmp']) mkdirSync(join(rootfs, d), { recursive: true });
  copyFileSync('/usr/bin/busybox', join(rootfs, 'bin/busybox'));
  chmodSync(join(rootfs, 'bin/busybox'), 0o755);
  for (const a of ['sh', 'cat', 'ls', 'stat', 'readlink', 'touch', 'wc', 'echo']) symlinkSync('busybox', join(rootfs, 'bin', a));
}

beforeEach(() => {
  if (!CAN_RUN) return;
  tmp = mkdtempSync('/tmp/ort-rootfs-');
  // a shared mount of our own: a mount in the container that propagated back would appear under it on the host
  sh('mount', '--bind', tmp, tmp);
  sh('mount', '--make-shared', tmp);
  bundle = join(tmp, 'bundle');
  rootfs = join(bundle, 'rootfs');
  buildRootfs();
  before = hostMountinfo();
});

afterEach(() => {
  if (!CAN_RUN || !tmp) return;
  const known = new Set(before);
  // new mounts of other processes in their own temp dirs (other test runs on this host) are theirs, not a leak of ours
  const added = hostMountinfo().filter((l) => !known.has(l) && !/^\/(tmp|dev\/shm)\/(?!ort-rootfs-)/.test(l.split(' ')[4] ?? ''));
  spawnSync('umount', ['-l', tmp]);
  const left = hostMountinfo().filter((l) => (l.split(' ')[4] ?? '').startsWith(tmp));
  if (left.length === 0) rmSync(tmp, { recursive: true, force: true });
  tmp = '';
  expect(added, 'new mounts on the host').toEqual([]);
  expect(left, 'mounts left under the temp dir').toEqual([]);
});

const BASE_MOUNTS: Mount[] = [
  { destination: '/proc', type: 'proc', source: 'proc' },
  { destination: '/dev', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'] },
  { destination: '/dev/pts', type: 'devpts', source: 'devpts', options: ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620'] },
];

function spec(extra: { mounts?: Mount[]; linux?: Spec['linux']; readonly?: boolean }): Spec {
  return {
    ociVersion: '1.2.0',
    root: { path: 'rootfs', readonly: extra.readonly },
    process: { cwd: '/', user: { uid: 0, gid: 0 } },
    mounts: [...BASE_MOUNTS, ...(extra.mounts ?? [])],
    linux: extra.linux ?? {},
  };
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runInside(s: Spec, script: string, terminal = false, userns = false): Run {
  const plan = { spec: s, bundle, rootfs, terminal };
  const args = [...(userns ? ['--user', '--map-root-user'] : []), '--mount', '--uts', '--pid', '--fork', '--cgroup', '--propagation', 'unchanged', process.execPath, '--import', 'tsx/esm', DRIVER, JSON.stringify({ plan, argv: ['sh', '-c', script] })];
  const r = spawnSync('unshare', args, { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The output of a script that prints sections separated by lines of `===`. */
function sections(r: Run): string[] {
  expect(r.stderr.match(/ROOTFS-ERROR.*/)?.[0] ?? '', 'rootfs error').toBe('');
  return r.stdout.split('===\n');
}

const MOUNTINFO = 'cat /proc/self/mountinfo; echo ===';

describe('parseMountOptions', () => {
  it('sorts options into flags, bind, propagation, recursive attributes and data', () => {
    const o = parseMountOptions(['rbind', 'ro', 'nosuid', 'rw', 'noatime', 'relatime', 'rshared', 'private', 'rro', 'rnoexec', 'rexec', 'rnoatime', 'size=1m', 'mode=755', 'nofail', 'x-foo']);
    expect(o.bind && o.recursive).toBe(true);
    expect(o.set).toBe(L.MS_NOSUID | L.MS_RELATIME);
    expect(o.clear & L.MS_RDONLY).toBe(L.MS_RDONLY);
    expect(o.clear & L.MS_NOATIME).toBe(L.MS_NOATIME);
    expect(o.propagation).toEqual([L.MS_REC | L.MS_SHARED, L.MS_PRIVATE]);
    expect(o.attrSet).toBe(L.MOUNT_ATTR_RDONLY | L.MOUNT_ATTR_NOATIME);
    expect(o.attrClr).toBe(L.MOUNT_ATTR_NOEXEC | L.MOUNT_ATTR__ATIME);
    expect(o.data).toEqual(['size=1m', 'mode=755']);
  });

  it('takes defaults as mount(8) does: no flag and no data', () => {
    const o = parseMountOptions(['defaults']);
    expect([o.set, o.data.length, o.bind]).toEqual([0, 0, false]);
  });
});

describe('checkRootfsConfig', () => {
  const base = (m: Partial<Mount>[], linux: Spec['linux'] = {}): Spec => ({ ociVersion: '1.2.0', root: { path: 'rootfs' }, process: { cwd: '/', user: { uid: 0, gid: 0 } }, mounts: m as Mount[], linux });

  it('refuses an unknown rootfsPropagation, unsupported options and id-mapped mounts, bad devices', () => {
    expect(() => checkRootfsConfig(base([], { rootfsPropagation: 'sideways' }), '/nonexistent')).toThrow(/^linux\.rootfsPropagation: 'sideways'/);
    expect(() => checkRootfsConfig(base([{ destination: '/x', type: 'bind', source: '/tmp', options: ['bind', 'idmap'] }]), '/nonexistent')).toThrow(/^mounts\[0\] \(\/x\): the option 'idmap'/);
    expect(() => checkRootfsConfig(base([{ destination: '/x', type: 'tmpfs', uidMappings: [{ containerID: 0, hostID: 1, size: 1 }] }]), '/nonexistent')).toThrow(/^mounts\[0\].*uidMappings/);
    expect(() => checkRootfsConfig(base([{ destination: '' }]), '/nonexistent')).toThrow(/^mounts\[0\]: the destination is empty/);
    expect(() => checkRootfsConfig(base([], { devices: [{ path: '/dev/x', type: 'q' }] }), '/nonexistent')).toThrow(/^linux\.devices\[0\].*unknown type 'q'/);
    expect(() => checkRootfsConfig(base([], { devices: [{ path: '/dev/x', type: 'c' }] }), '/nonexistent')).toThrow(/needs major and minor/);
    expect(() => checkRootfsConfig(base([{ destination: '/proc', type: 'proc' }], { rootfsPropagation: 'rslave' }), '/nonexistent')).not.toThrow();
  });

  it.runIf(CAN_RUN)('refuses /proc and /sys that are symlinks in the rootfs', () => {
    rmSync(join(rootfs, 'proc'), { recursive: true });
    symlinkSync('tmp/proc-target', join(rootfs, 'proc'));
    expect(() => checkRootfsConfig(spec({}), bundle)).toThrow(/^mounts\[0\] \(\/proc\): the path is a symlink in the rootfs \(\/proc -> tmp\/proc-target\)/);
    rmSync(join(rootfs, 'proc'));
    mkdirSync(join(rootfs, 'proc'));
    expect(() => checkRootfsConfig(spec({}), bundle)).not.toThrow();
    rmSync(join(rootfs, 'sys'), { recursive: true });
    symlinkSync('/tmp', join(rootfs, 'sys'));
    // through the link on the way, or the link itself; a tmpfs elsewhere under it is not judged here
    expect(() => checkRootfsConfig(spec({ mounts: [{ destination: '/sys/fs', type: 'sysfs', source: 'sysfs' }] }), bundle)).toThrow(/^mounts\[3\] \(\/sys\/fs\): the path is a symlink in the rootfs \(\/sys -> \/tmp\)/);
    expect(() => checkRootfsConfig(spec({ mounts: [{ destination: '/sys', type: 'sysfs', source: 'sysfs' }] }), bundle)).toThrow(/^mounts\[3\] \(\/sys\): the path is a symlink/);
    expect(() => checkRootfsConfig(spec({ mounts: [{ destination: '/sys/x', type: 'tmpfs', source: 'tmpfs' }] }), bundle)).not.toThrow();
  });
});

describe.runIf(CAN_RUN)('prepareRootfs + enterRootfs in a new mount namespace', () => {
  it('performs mounts[] in order with their options, relative destinations and sources, and sets up /dev', () => {
    const marker = join(tmp, 'marker'); // a host directory a symlink in the rootfs points at
    mkdirSync(marker);
    symlinkSync(marker, join(rootfs, 'escape'));
    symlinkSync('../../../..', join(rootfs, 'mnt/up'));
    writeFileSync(join(tmp, 'hostfile'), 'host\n'); // a host file a symlink in the rootfs names as a bind destination
    symlinkSync(join(tmp, 'hostfile'), join(rootfs, 'etc/linkfile'));
    mkdirSync(join(bundle, 'relsrc'));
    writeFileSync(join(bundle, 'relsrc/marker'), 'relative-source\n');
    mkdirSync(join(tmp, 'rosrc'));
    writeFileSync(join(tmp, 'rosrc/marker'), 'original\n');
    writeFileSync(join(tmp, 'srcfile'), 'a bound file\n');
    const tmpfs = (destination: string, ...options: string[]): Mount => ({ destination, type: 'tmpfs', source: 'tmpfs', options: ['size=1m', ...options] });
    const s = spec({
      mounts: [
        { destination: '/sys', type: 'sysfs', source: 'sysfs', options: ['nosuid', 'noexec', 'nodev', 'ro'] },
        { destination: '/sys/fs/cgroup', type: 'cgroup', source: 'cgroup', options: ['nosuid', 'noexec', 'nodev', 'relatime', 'ro'] },
        tmpfs('/mnt/order'),
        tmpfs('/mnt/order/sub'),
        tmpfs('/mnt/stack'),
        { destination: '/mnt/stack', type: 'proc', source: 'proc' },
        tmpfs('mnt/rel'),
        tmpfs('/mnt/opts', 'nosuid', 'nodev', 'noexec', 'ro', 'noatime'),
        tmpfs('/mnt/defaults', 'defaults'),
        tmpfs('/mnt/nosym', 'nosymfollow'),
        tmpfs('/mnt/shared', 'shared'),
        tmpfs('/mnt/unbind', 'unbindable'),
        tmpfs('/mnt/priv', 'private'),
        { destination: '/mnt/bindro', type: 'bind', source: join(tmp, 'rosrc'), options: ['bind', 'ro'] },
        { destination: '/mnt/relsrc', type: 'bind', source: 'relsrc', options: ['bind'] },
        { destination: '/etc/bound-file', type: 'bind', source: join(tmp, 'srcfile'), options: ['bind'] },
        { destination: '/mnt/rdev', type: 'bind', source: '/dev', options: ['rbind', 'rprivate', 'rro', 'rnosuid'] },
        { destination: '/mnt/pdev', type: 'bind', source: '/dev', options: ['bind', 'rprivate', 'nosuid', 'noexec'] },
        tmpfs('/escape/inner'),
        tmpfs('/mnt/up/mnt/upx'),
        { destination: '/etc/linkfile', type: 'bind', source: join(tmp, 'srcfile'), options: ['bind', 'ro'] },
      ],
      linux: {
        devices: [
          { path: '/dev/h-c', type: 'c', major: 1, minor: 3, fileMode: 0o600, uid: 1, gid: 2 },
          { path: '/dev/h-b', type: 'b', major: 7, minor: 200, fileMode: 0o640, uid: 0, gid: 0 },
          { path: '/dev/sub/h-p', type: 'p', fileMode: 0o600 },
        ],
      },
    });
    const devs = '/dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty /dev/h-c /dev/h-b /dev/sub/h-p /dev/console';
    const script = [
      MOUNTINFO,
      `stat -c '%n|%F|%t:%T|%a|%u:%g' ${devs}; echo ===`,
      'for l in fd stdin stdout stderr ptmx; do readlink /dev/$l; done; echo ===',
      'cat /mnt/relsrc/marker /etc/bound-file /etc/linkfile /mnt/bindro/marker; if echo changed > /mnt/bindro/marker 2>/dev/null; then echo wrote; else echo refused; fi; echo ===',
      'head -c 4 /dev/zero | wc -c; ls /sys/fs/cgroup; echo ===',
    ].join('\n');
    const [mi = '', stats = '', links = '', files = '', misc = ''] = sections(runInside(s, script, true));
    const mounts = parseMountinfo(mi);
    // order: nested on its parent, two at one place bottom first
    expect(at(mounts, '/mnt/order/sub')?.parent).toBe(at(mounts, '/mnt/order')?.id);
    expect(mounts.filter((m) => m.mountPoint === '/mnt/stack').map((m) => m.fstype)).toEqual(['tmpfs', 'proc']);
    expect(at(mounts, '/mnt/rel')?.fstype).toBe('tmpfs');
    expect(at(mounts, '/mnt/opts')?.options).toEqual(expect.arrayContaining(['ro', 'nosuid', 'nodev', 'noexec', 'noatime']));
    expect(at(mounts, '/mnt/defaults')?.options.filter((o) => ['ro', 'nosuid', 'nodev', 'noexec'].includes(o))).toEqual([]);
    expect(at(mounts, '/mnt/nosym')?.options).toContain('nosymfollow');
    expect(['/mnt/shared', '/mnt/unbind', '/mnt/priv'].map((p) => propagation(at(mounts, p)))).toEqual(['shared', 'unbindable', 'private']);
    expect(at(mounts, '/mnt/bindro')?.options).toContain('ro');
    // rro and rnosuid reach every mount of the rbind; a plain bind brings none of the mounts below its source
    const rdev = mounts.filter((m) => m.mountPoint === '/mnt/rdev' || m.mountPoint.startsWith('/mnt/rdev/'));
    expect(rdev.length).toBeGreaterThan(1);
    for (const m of rdev) expect(m.options, m.mountPoint).toEqual(expect.arrayContaining(['ro', 'nosuid']));
    expect(at(mounts, '/mnt/pdev')?.options).toEqual(expect.arrayContaining(['nosuid', 'noexec']));
    expect(mounts.filter((m) => m.mountPoint.startsWith('/mnt/pdev/'))).toEqual([]);
    // symlinked destinations end inside the rootfs; the host directory stays empty
    expect(at(mounts, `${marker}/inner`)?.fstype).toBe('tmpfs');
    expect(at(mounts, '/mnt/upx')?.fstype).toBe('tmpfs');
    expect(existsSync(join(marker, 'inner'))).toBe(false);
    expect(existsSync(join(rootfs, marker, 'inner'))).toBe(true);
    expect(at(mounts, join(tmp, 'hostfile'))?.options).toContain('ro');
    expect(readFileSync(join(tmp, 'hostfile'), 'utf8')).toBe('host\n');
    expect(readFileSync(join(rootfs, tmp, 'hostfile'), 'utf8')).toBe(''); // made inside the rootfs as the bind's mount point
    // cgroup on this host: v2 only, or a tmpfs with the v1 hierarchies beneath
    const cg = at(mounts, '/sys/fs/cgroup');
    expect(cg?.fstype === 'cgroup2' || (cg?.fstype === 'tmpfs' && mounts.some((m) => m.mountPoint.startsWith('/sys/fs/cgroup/') && m.fstype === 'cgroup'))).toBe(true);
    expect(cg?.options).toContain('ro');
    // /dev
    expect(stats.trim().split('\n')).toEqual([
      '/dev/null|character special file|1:3|666|0:0',
      '/dev/zero|character special file|1:5|666|0:0',
      '/dev/full|character special file|1:7|666|0:0',
      '/dev/random|character special file|1:8|666|0:0',
      '/dev/urandom|character special file|1:9|666|0:0',
      '/dev/tty|character special file|5:0|666|0:0',
      '/dev/h-c|character special file|1:3|600|1:2',
      '/dev/h-b|block special file|7:c8|640|0:0',
      '/dev/sub/h-p|fifo|0:0|600|0:0',
      '/dev/console|regular empty file|0:0|666|0:0',
    ]);
    expect(links).toBe('/proc/self/fd\n/proc/self/fd/0\n/proc/self/fd/1\n/proc/self/fd/2\npts/ptmx\n');
    expect(files).toBe('relative-source\na bound file\na bound file\noriginal\nrefused\n');
    expect(readFileSync(join(tmp, 'rosrc/marker'), 'utf8')).toBe('original\n');
    expect(misc.split('\n')[0]).toBe('4');
  });

  it('accepts every option of the Linux table that a tmpfs can take, all on one mount (features lists them)', () => {
    const skip = new Set(['bind', 'rbind', 'remount', 'idmap', 'ridmap', 'tmpcopyup']);
    const options = LINUX_MOUNT_OPTIONS.filter((o) => !skip.has(o));
    const [mi = ''] = sections(runInside(spec({ mounts: [{ destination: '/mnt/all', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', ...options] }] }), MOUNTINFO));
    // the last of each pair wins, as with mount(8): ...symfollow, ro then rw, unbindable last of the propagations
    const m = at(parseMountinfo(mi), '/mnt/all');
    expect(m?.fstype).toBe('tmpfs');
    expect(propagation(m)).toBe('unbindable');
  });

  it('in a user namespace (no mknod): bind-mounts the host\'s device nodes, keeps locked flags on remounts', () => {
    mkdirSync(join(tmp, 'rosrc'));
    writeFileSync(join(tmp, 'rosrc/marker'), 'original\n');
    const s = spec({
      readonly: true,
      mounts: [{ destination: '/mnt/bindro', type: 'bind', source: join(tmp, 'rosrc'), options: ['bind', 'ro', 'nodev'] }],
      linux: { readonlyPaths: ['/proc/sys'], maskedPaths: ['/proc/timer_list'] },
    });
    const script = [MOUNTINFO, "stat -c '%n|%F|%t:%T' /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty; echo ===", 'head -c 4 /dev/zero | wc -c; echo x > /dev/null && echo null-ok; echo ==='].join('\n');
    const [mi = '', stats = '', use = ''] = sections(runInside(s, script, false, true));
    const mounts = parseMountinfo(mi);
    expect(stats.trim().split('\n')).toEqual(['/dev/null|character special file|1:3', '/dev/zero|character special file|1:5', '/dev/full|character special file|1:7', '/dev/random|character special file|1:8', '/dev/urandom|character special file|1:9', '/dev/tty|character special file|5:0']);
    // each a bind mount of the host's node (the host's /dev filesystem, not the container's /dev tmpfs)
    expect(['/dev/null', '/dev/tty'].map((p) => at(mounts, p)?.fstype)).toEqual([hostDevFstype(), hostDevFstype()]);
    expect(use).toBe('4\nnull-ok\n');
    expect(at(mounts, '/mnt/bindro')?.options).toEqual(expect.arrayContaining(['ro', 'nodev']));
    expect(at(mounts, '/proc/sys')?.options).toContain('ro');
    expect(at(mounts, '/')?.options).toContain('ro');
  });

  it('applies readonlyPaths, maskedPaths (files and directories, missing ones ignored) and root.readonly', () => {
    mkdirSync(join(rootfs, 'etc/rodir'));
    writeFileSync(join(rootfs, 'etc/rodir/file'), 'original\n');
    writeFileSync(join(rootfs, 'etc/secret'), 'secret-content\n');
    mkdirSync(join(rootfs, 'etc/secretdir'));
    writeFileSync(join(rootfs, 'etc/secretdir/inner'), 'x\n');
    const s = spec({
      readonly: true,
      linux: { readonlyPaths: ['/proc/sys', '/etc/rodir', '/missing/ro'], maskedPaths: ['/proc/kcore', '/proc/timer_list', '/etc/secret', '/etc/secretdir', '/missing/masked'] },
    });
    const w = (p: string): string => `if echo changed > ${p} 2>/dev/null; then echo wrote; else echo refused; fi`;
    const script = [MOUNTINFO, 'cat /etc/rodir/file', w('/etc/rodir/file'), 'wc -c < /etc/secret', 'ls -A /etc/secretdir', 'head -c 64 /proc/timer_list | wc -c', w('/proc/sys/kernel/hostname'), w('/probe'), w('/dev/probe'), 'echo ==='].join('\n');
    const [mi = '', out = ''] = sections(runInside(s, script));
    expect(out).toBe('original\nrefused\n0\n0\nrefused\nrefused\nwrote\n');
    const mounts = parseMountinfo(mi);
    expect(at(mounts, '/')?.options).toContain('ro');
    expect(at(mounts, '/etc/rodir')?.options).toContain('ro');
    // read-only /proc/sys keeps the flags of its proc mount
    expect(at(mounts, '/proc/sys')?.options).toEqual(expect.arrayContaining(['ro']));
    expect(at(mounts, '/etc/secretdir')).toMatchObject({ fstype: 'tmpfs' });
    expect(at(mounts, '/etc/secretdir')?.options).toContain('ro');
    expect(readFileSync(join(rootfs, 'etc/rodir/file'), 'utf8')).toBe('original\n');
    expect(existsSync(join(rootfs, 'missing'))).toBe(false);
  });

  it.each([
    ['(default)', undefined, 'slave'],
    ['slave', 'slave', 'slave'],
    ['shared', 'shared', 'shared'],
    ['private', 'private', 'private'],
    ['unbindable', 'unbindable', 'unbindable'],
    ['rshared', 'rshared', 'shared'],
  ])('rootfsPropagation %s (%s): the container root is %s', (_name, rp, expected) => {
    const hostGroup = hostMountinfo().find((l) => l.split(' ')[4] === tmp)?.split(' ').find((f) => f.startsWith('shared:'));
    expect(hostGroup).toBeDefined();
    const s = spec({ linux: rp === undefined ? {} : { rootfsPropagation: rp }, mounts: [{ destination: '/mnt/t', type: 'tmpfs', source: 'tmpfs' }] });
    const [mi = ''] = sections(runInside(s, MOUNTINFO));
    const root = at(parseMountinfo(mi), '/');
    expect(propagation(root), JSON.stringify(root?.optional)).toBe(expected);
    // a slave root follows the host's peer group (the shared temp dir); a shared one has a group of its own
    if (expected === 'slave') expect(root?.optional).toContain(hostGroup?.replace('shared:', 'master:'));
    if (expected === 'shared') expect(root?.optional).not.toContain(hostGroup);
  });

  it('refuses /proc when it is a symlink in the rootfs, and mounts nothing through it', () => {
    rmSync(join(rootfs, 'proc'), { recursive: true });
    mkdirSync(join(rootfs, 'tmp/proc-target'));
    symlinkSync('tmp/proc-target', join(rootfs, 'proc'));
    const r = runInside(spec({}), MOUNTINFO);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^ROOTFS-ERROR: mounts\[0\] \(\/proc\): \/proc is a symlink in the rootfs \(to \/tmp\/proc-target\)/m);
  });

  it('refuses /sys when it is a symlink in the rootfs', () => {
    rmSync(join(rootfs, 'sys'), { recursive: true });
    symlinkSync('/tmp', join(rootfs, 'sys'));
    const r = runInside(spec({ mounts: [{ destination: '/sys', type: 'sysfs', source: 'sysfs' }] }), MOUNTINFO);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^ROOTFS-ERROR: mounts\[3\] \(\/sys\): \/sys is a symlink/m);
  });

  it('fails a mount the kernel refuses with one line naming the entry', () => {
    const r = runInside(spec({ mounts: [{ destination: '/mnt/x', type: 'h10-nosuchfs', source: 'none' }] }), MOUNTINFO);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^ROOTFS-ERROR: mounts\[3\] \(\/mnt\/x\): mount h10-nosuchfs none: No such device \(errno 19\)$/m);
  });

  it('refuses a linux.devices path where another file is (LNX-DEVICES-PATH-CONFLICT)', () => {
    writeFileSync(join(rootfs, 'etc/conflict'), 'a regular file\n');
    const r = runInside(spec({ linux: { devices: [{ path: '/etc/conflict', type: 'c', major: 1, minor: 3, fileMode: 0o666 }] } }), MOUNTINFO);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^ROOTFS-ERROR: linux\.devices\[0\] \(\/etc\/conflict\): a regular file is already at the path/m);
    expect(readFileSync(join(rootfs, 'etc/conflict'), 'utf8')).toBe('a regular file\n');
  });

  it('leaves /dev alone when it is bind-mounted from elsewhere', () => {
    mkdirSync(join(tmp, 'devsrc'));
    const r = runInside(spec({ mounts: [{ destination: '/dev', type: 'bind', source: join(tmp, 'devsrc'), options: ['rbind'] }] }), 'ls -A /dev; echo ===');
    // the bind covers the tmpfs and devpts of the base mounts; no device or link is made in it, nor in its source
    expect(sections(r)[0]).toBe('');
    expect(readdirSync(join(tmp, 'devsrc'))).toEqual([]);
  });
});
