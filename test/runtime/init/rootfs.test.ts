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
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRootfsConfig } from '../../../runtime/init/rootfs.js';
import { parseMountOptions } from '../../../runtime/init/rootfs-options.js';
import * as L from '../../../runtime/libc.js';
import type { Mount, Spec } from '../../../runtime/spec.js';

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
  // new mounts of other processes in other temp dirs are theirs, not a leak of ours
  const added = hostMountinfo().filter((l) => !known.has(l) && !(l.split(' ')[4] ?? '').match(/^\/tmp\/(?!ort-rootfs-)/));
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

function runInside(s: Spec, script: string, terminal = false): Run {
  const plan = { spec: s, bundle, rootfs, terminal };
  const args = ['--mount', '--uts', '--pid', '--fork', '--cgroup', '--propagation', 'unchanged', process.execPath, '--import', 'tsx/esm', DRIVER, JSON.stringify({ plan, argv: ['sh', '-c', script] })];
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
    rmSync(join(rootfs, 'sys'), { recursive: true });
    symlinkSync('/tmp', join(rootfs, 'sys'));
    expect(() => checkRootfsConfig(spec({ mounts: [{ destination: '/sys/fs', type: 'sysfs', source: 'sysfs' }] }), bundle)).toThrow(/mounts\[0\]/);
    expect(() => checkRootfsConfig({ ...spec({}), mounts: [{ destination: '/sys', type: 'sysfs', source: 'sysfs' }] }, bundle)).toThrow(/^mounts\[0\] \(\/sys\): the path is a symlink/);
  });
});
