/**
 * /dev in the rootfs (before pivot_root): the default devices of
 * config-linux.md, linux.devices, the /dev/fd and std* links, /dev/ptmx and
 * an empty /dev/console for a terminal. A node is made with mknod; where
 * that is not permitted (a user namespace) the host's node is bind-mounted
 * onto an empty file instead. A file already at a device's path that is not
 * that device is an error (config-linux.md, devices).
 */
import type { Device } from '../spec.js';
import * as L from '../libc.js';
import { fdPath, resolveInRoot } from './rootfs-resolve.js';

const DEFAULT_DEVICES: readonly Device[] = [
  { path: '/dev/null', type: 'c', major: 1, minor: 3 },
  { path: '/dev/zero', type: 'c', major: 1, minor: 5 },
  { path: '/dev/full', type: 'c', major: 1, minor: 7 },
  { path: '/dev/random', type: 'c', major: 1, minor: 8 },
  { path: '/dev/urandom', type: 'c', major: 1, minor: 9 },
  { path: '/dev/tty', type: 'c', major: 5, minor: 0 },
].map((d) => ({ ...d, fileMode: 0o666, uid: 0, gid: 0 }));

const LINKS: readonly (readonly [string, string])[] = [
  ['fd', '/proc/self/fd'],
  ['stdin', '/proc/self/fd/0'],
  ['stdout', '/proc/self/fd/1'],
  ['stderr', '/proc/self/fd/2'],
];

const TYPE_BITS: Readonly<Record<string, number>> = { c: L.S_IFCHR, u: L.S_IFCHR, b: L.S_IFBLK, p: L.S_IFIFO };

function split(path: string): [string, string] {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  const name = parts.pop();
  if (!name || name === '..') throw new Error(`not a file path: ${path}`);
  return [`/${parts.join('/')}`, name];
}

function describe(st: L.FileStat): string {
  const t = st.mode & L.S_IFMT;
  const kinds: Record<number, string> = { [L.S_IFCHR]: 'character device', [L.S_IFBLK]: 'block device', [L.S_IFIFO]: 'fifo', [L.S_IFREG]: 'regular file', [L.S_IFDIR]: 'directory', [L.S_IFLNK]: 'symlink' };
  const kind = kinds[t] ?? 'file';
  return t === L.S_IFCHR || t === L.S_IFBLK ? `${kind} ${st.rdevMajor}:${st.rdevMinor}` : kind;
}

function isDevice(st: L.FileStat, d: Device): boolean {
  const bits = TYPE_BITS[d.type];
  if ((st.mode & L.S_IFMT) !== bits) return false;
  return bits === L.S_IFIFO || (st.rdevMajor === (d.major ?? 0) && st.rdevMinor === (d.minor ?? 0));
}

/** Bind-mounts the host's node `hostPath` onto a new empty file `name` in `dir` (mknod was refused). */
function bindHostNode(dir: number, name: string, d: Device, hostPath: string): void {
  const host = L.statat(L.AT_FDCWD, hostPath, 0);
  if (!host || !isDevice(host, d)) throw new Error(`mknod was not permitted, and the host has no ${d.type} ${d.major}:${d.minor} at ${hostPath} to bind-mount instead`);
  const f = L.openat(dir, name, L.O_CREAT | L.O_EXCL | L.O_WRONLY | L.O_NOFOLLOW | L.O_CLOEXEC, 0o644);
  if (f < 0) throw new L.SysError('create', L.errno(), d.path);
  L.close(f);
  const target = L.openat(dir, name, L.O_PATH | L.O_NOFOLLOW | L.O_CLOEXEC);
  try {
    L.check(L.mount(hostPath, fdPath(target), null, L.MS_BIND, null), 'bind mount', `${hostPath} on ${d.path}`);
  } finally {
    L.close(target);
  }
}

/** Makes the device `d` in the rootfs (its parents as directories when missing). */
export function makeDevice(rootFd: number, d: Device): void {
  const bits = TYPE_BITS[d.type];
  if (bits === undefined) throw new Error(`unknown device type '${d.type}' (c, b, u or p)`);
  const [parent, name] = split(d.path);
  const dir = resolveInRoot(rootFd, parent, 'dir');
  try {
    const existing = L.statat(dir.fd, name, L.AT_SYMLINK_NOFOLLOW);
    if (existing) {
      if (!isDevice(existing, d)) throw new Error(`a ${describe(existing)} is already at the path, not the requested device`);
    } else {
      const dev = bits === L.S_IFIFO ? 0n : L.makedev(d.major ?? 0, d.minor ?? 0);
      if (L.mknodat(dir.fd, name, bits | 0o600, dev) < 0) {
        const e = L.errno();
        if (e !== L.EPERM || bits === L.S_IFIFO) throw new L.SysError('mknod', e, d.path);
        bindHostNode(dir.fd, name, d, d.path);
        return; // the host's node: its mode and owner are not ours to change
      }
    }
    L.check(L.fchmodat(dir.fd, name, (d.fileMode ?? 0o666) & 0o7777), 'chmod', d.path);
    if (d.uid !== undefined || d.gid !== undefined) {
      L.check(L.fchownat(dir.fd, name, d.uid ?? 0xffffffff, d.gid ?? 0xffffffff, L.AT_SYMLINK_NOFOLLOW), 'chown', d.path);
    }
  } finally {
    L.close(dir.fd);
  }
}

/** The default devices, linux.devices, the /dev links, /dev/ptmx and (with a terminal) an empty /dev/console. */
export function setupDev(rootFd: number, devices: readonly Device[], terminal: boolean): void {
  for (const d of DEFAULT_DEVICES) {
    try {
      makeDevice(rootFd, d);
    } catch (e) {
      throw new Error(`default device ${d.path}: ${(e as Error).message}`);
    }
  }
  devices.forEach((d, i) => {
    try {
      makeDevice(rootFd, d);
    } catch (e) {
      throw new Error(`linux.devices[${i}] (${d.path}): ${(e as Error).message}`);
    }
  });
  const dev = resolveInRoot(rootFd, '/dev', 'dir');
  try {
    for (const [name, target] of LINKS) {
      if (L.symlinkat(target, dev.fd, name) < 0 && L.errno() !== L.EEXIST) throw new L.SysError('symlink', L.errno(), `/dev/${name}`);
    }
    if (L.unlinkat(dev.fd, 'ptmx', 0) < 0 && L.errno() !== L.ENOENT) throw new L.SysError('unlink', L.errno(), '/dev/ptmx');
    L.check(L.symlinkat('pts/ptmx', dev.fd, 'ptmx'), 'symlink', '/dev/ptmx');
    if (terminal && !L.statat(dev.fd, 'console', L.AT_SYMLINK_NOFOLLOW)) {
      const f = L.openat(dev.fd, 'console', L.O_CREAT | L.O_EXCL | L.O_WRONLY | L.O_NOFOLLOW | L.O_CLOEXEC, 0o666);
      if (f < 0) throw new L.SysError('create', L.errno(), '/dev/console');
      L.close(f);
      L.check(L.fchmodat(dev.fd, 'console', 0o666), 'chmod', '/dev/console');
    }
  } finally {
    L.close(dev.fd);
  }
}
