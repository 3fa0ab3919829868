/**
 * The container's root filesystem, built by the container init (#2) in its
 * own new mount namespace. `prepareRootfs` does everything before pivot_root:
 * it stops propagation back to the host, makes the rootfs a mount point,
 * performs mounts[] in order (destinations resolved inside the rootfs,
 * rootfs-resolve.ts; options: rootfs-options.ts; cgroup: rootfs-cgroup.ts)
 * and sets up /dev (rootfs-dev.ts). `enterRootfs` pivots
 * into it, detaches the old root, and applies rootfsPropagation, the read-only
 * and masked paths and root.readonly. `checkRootfsConfig` is what can be
 * refused before any of that, without privileges.
 */
import { lstatSync, readlinkSync } from 'node:fs';
import { isAbsolute, join, posix, resolve } from 'node:path';
import type { Mount, Spec } from '../spec.js';
import * as L from '../libc.js';
import { mountCgroup } from './rootfs-cgroup.js';
import { setupDev } from './rootfs-dev.js';
import { hasRecursiveAttrs, keptFlags, type MountOptions, parseMountOptions, PROPAGATION, UNSUPPORTED_OPTIONS } from './rootfs-options.js';
import { type Create, fdPath, onTop, type Resolved, resolveInRoot } from './rootfs-resolve.js';

export interface RootfsPlan {
  spec: Spec;
  bundle: string;
  /** The rootfs directory, absolute. */
  rootfs: string;
  terminal?: boolean;
}

const DEVICE_TYPES = new Set(['c', 'b', 'u', 'p']);
/** Filesystems that must be mounted on the directory itself, never through a symlink. */
const NO_SYMLINK_TYPES = new Set(['proc', 'sysfs']);
const NO_SYMLINK_POINTS = new Set(['/proc', '/sys']);

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function within(label: string, f: () => void): void {
  try {
    f();
  } catch (e) {
    throw new Error(`${label}: ${message(e)}`);
  }
}

/** A destination as a clean absolute path inside the container (relative ones are taken from /, 1.2.0). */
function containerPath(dest: string): string {
  return posix.normalize(`/${dest}`).replace(/\/+$/, '') || '/';
}

function isBind(m: Mount, o: MountOptions): boolean {
  return o.bind || m.type === 'bind';
}

function refusesSymlink(m: Mount): boolean {
  return NO_SYMLINK_TYPES.has(m.type ?? '') || NO_SYMLINK_POINTS.has(containerPath(m.destination));
}

/** The first symlink on the way to `dest` in the rootfs directory, by lstat (no privileges needed). */
function symlinkOnWay(rootfs: string, dest: string): string | undefined {
  let at = rootfs;
  let shown = '';
  for (const part of containerPath(dest).split('/').filter(Boolean)) {
    at = join(at, part);
    shown += `/${part}`;
    try {
      if (lstatSync(at).isSymbolicLink()) return `${shown} -> ${readlinkSync(at)}`;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Validation that needs no privileges; throws an Error with one line naming the field. */
export function checkRootfsConfig(spec: Spec, bundle: string): void {
  const rp = spec.linux?.rootfsPropagation;
  if (rp !== undefined && PROPAGATION[rp] === undefined) {
    throw new Error(`linux.rootfsPropagation: '${rp}' is not a propagation (${Object.keys(PROPAGATION).join(', ')})`);
  }
  const rootfs = spec.root?.path === undefined ? undefined : resolve(bundle, spec.root.path);
  (spec.mounts ?? []).forEach((m, i) => {
    const label = `mounts[${i}] (${m.destination})`;
    if (typeof m.destination !== 'string' || m.destination === '') throw new Error(`mounts[${i}]: the destination is empty`);
    for (const o of m.options ?? []) {
      if (UNSUPPORTED_OPTIONS.has(o)) throw new Error(`${label}: the option '${o}' is not supported by oci-ts-runtime`);
    }
    if (m.uidMappings || m.gidMappings) throw new Error(`${label}: uidMappings/gidMappings (id-mapped mounts) are not supported by oci-ts-runtime`);
    const o = parseMountOptions(m.options);
    if (isBind(m, o) && !m.source) throw new Error(`${label}: a bind mount needs a source`);
    if (rootfs !== undefined && refusesSymlink(m)) {
      const link = symlinkOnWay(rootfs, m.destination);
      if (link) throw new Error(`${label}: the path is a symlink in the rootfs (${link}); ${m.type ?? 'the mount'} is mounted only on a real directory`);
    }
  });
  (spec.linux?.devices ?? []).forEach((d, i) => {
    const label = `linux.devices[${i}] (${d.path})`;
    if (!d.path) throw new Error(`linux.devices[${i}]: the path is empty`);
    if (!DEVICE_TYPES.has(d.type)) throw new Error(`${label}: unknown type '${d.type}' (c, b, u or p)`);
    if (d.type !== 'p' && (d.major === undefined || d.minor === undefined)) throw new Error(`${label}: a ${d.type} device needs major and minor`);
  });
}

/** Propagation changes and recursive attributes of a mount's options, on the mount `r`. */
function applyAfter(r: Resolved, o: MountOptions, target = fdPath(r.fd)): void {
  for (const p of o.propagation) L.check(L.mount(null, target, null, p, null), 'mount', `propagation ${Object.keys(PROPAGATION).find((k) => PROPAGATION[k] === p) ?? p}`);
  if (hasRecursiveAttrs(o)) L.check(L.mountSetattr(r.fd, L.AT_RECURSIVE, o.attrSet, o.attrClr), 'mount_setattr');
}

// ---- mounts[] ----

function mountOne(rootFd: number, m: Mount, bundle: string): void {
  const o = parseMountOptions(m.options);
  const dest = containerPath(m.destination);
  if (refusesSymlink(m)) {
    for (let end = 1, parts = dest.split('/'); end < parts.length; end++) {
      const prefix = parts.slice(0, end + 1).join('/');
      let r: Resolved;
      try {
        r = resolveInRoot(rootFd, prefix);
      } catch {
        break;
      }
      L.close(r.fd);
      if (r.viaSymlink) throw new Error(`${prefix} is a symlink in the rootfs (to ${r.path}); ${m.type ?? 'the mount'} is mounted only on a real directory`);
    }
  }
  if (isBind(m, o)) {
    const source = isAbsolute(m.source ?? '') ? (m.source as string) : resolve(bundle, m.source ?? '');
    const src = L.check(L.open(source, L.O_PATH | L.O_CLOEXEC), 'open bind source', source);
    try {
      const st = L.statat(src, '', L.AT_EMPTY_PATH);
      const create: Create = st && (st.mode & L.S_IFMT) !== L.S_IFDIR ? 'file' : 'dir';
      const r = resolveInRoot(rootFd, dest, create);
      try {
        L.check(L.mount(fdPath(src), fdPath(r.fd), null, L.MS_BIND | (o.recursive ? L.MS_REC : 0), null), o.recursive ? 'rbind mount' : 'bind mount', source);
      } finally {
        L.close(r.fd);
      }
    } finally {
      L.close(src);
    }
    onTop(rootFd, dest, (t) => {
      if (o.set !== 0 || o.clear !== 0) {
        const flags = ((keptFlags(t.fd) & ~o.clear) | o.set) & ~(L.MS_REMOUNT | L.MS_BIND | L.MS_REC);
        L.check(L.mount(null, fdPath(t.fd), null, L.MS_REMOUNT | L.MS_BIND | flags, null), 'remount bind', `with flags 0x${flags.toString(16)}`);
      }
      applyAfter(t, o);
    });
    return;
  }
  const r = resolveInRoot(rootFd, dest, 'dir');
  try {
    if (m.type === 'cgroup' || m.type === 'cgroup2') mountCgroup(rootFd, dest, r, o);
    else {
      const flags = o.set | (o.remount ? L.MS_REMOUNT : 0);
      L.check(L.mount(m.source ?? m.type ?? 'none', fdPath(r.fd), m.type ?? null, flags, o.data.join(',') || null), `mount ${m.type ?? ''}`.trim(), m.source ?? '');
    }
  } finally {
    L.close(r.fd);
  }
  onTop(rootFd, dest, (t) => applyAfter(t, o));
}

/** Everything before pivot_root: propagation cut from the host, the rootfs a mount point, mounts[] in order, /dev. */
export function prepareRootfs(p: RootfsPlan): void {
  const { spec, rootfs } = p;
  const rp = spec.linux?.rootfsPropagation;
  // Nothing done in here may reach the host: private where asked (or unbindable, which implies private), else slave.
  const cut = rp !== undefined && /private|unbindable/.test(rp) ? L.MS_REC | L.MS_PRIVATE : L.MS_REC | L.MS_SLAVE;
  within('rootfs', () => {
    L.check(L.mount(null, '/', null, cut, null), 'mount', `/ ${cut & L.MS_PRIVATE ? 'rprivate' : 'rslave'}`);
    L.check(L.mount(rootfs, rootfs, null, L.MS_BIND | L.MS_REC, null), 'bind mount', `${rootfs} onto itself`);
  });
  const rootFd = L.check(L.open(rootfs, L.O_PATH | L.O_DIRECTORY | L.O_CLOEXEC), 'open', rootfs);
  try {
    (spec.mounts ?? []).forEach((m, i) => within(`mounts[${i}] (${m.destination})`, () => mountOne(rootFd, m, p.bundle)));
    const devBound = (spec.mounts ?? []).some((m) => containerPath(m.destination) === '/dev' && isBind(m, parseMountOptions(m.options)));
    if (!devBound) setupDev(rootFd, spec.linux?.devices ?? [], !!p.terminal);
  } finally {
    L.close(rootFd);
  }
}

// ---- after pivot_root ----

/** Resolves `path` in the new root and hands it to `f`; a missing path is skipped (masked and read-only paths). */
function ifExists(rootFd: number, path: string, f: (r: Resolved) => void): void {
  let r: Resolved;
  try {
    r = resolveInRoot(rootFd, path);
  } catch (e) {
    if (e instanceof L.SysError && (e.errno === L.ENOENT || e.errno === L.ENOTDIR)) return;
    throw e;
  }
  try {
    f(r);
  } finally {
    L.close(r.fd);
  }
}

function applyRootfsPropagation(spec: Spec): void {
  const rp = spec.linux?.rootfsPropagation;
  if (rp === undefined) return;
  const flag = PROPAGATION[rp] as number;
  within(`linux.rootfsPropagation (${rp})`, () => {
    // shared: a peer group of the container's own, not shared+slave of the host's
    if (flag & L.MS_SHARED) L.check(L.mount(null, '/', null, L.MS_PRIVATE, null), 'mount', '/ private');
    L.check(L.mount(null, '/', null, flag, null), 'mount', `/ ${rp}`);
  });
  if (!(flag & L.MS_REC)) return;
  // a recursive rootfsPropagation does not override a mount's own propagation option
  const rootFd = L.check(L.open('/', L.O_PATH | L.O_DIRECTORY | L.O_CLOEXEC), 'open', '/');
  try {
    (spec.mounts ?? []).forEach((m, i) => {
      const o = parseMountOptions(m.options);
      if (o.propagation.length === 0) return;
      within(`mounts[${i}] (${m.destination})`, () => ifExists(rootFd, containerPath(m.destination), (r) => applyAfter(r, { ...o, attrSet: 0, attrClr: 0 }, r.path)));
    });
  } finally {
    L.close(rootFd);
  }
}

/** pivot_root into the rootfs and what comes after it. Leaves cwd at '/'. */
export function enterRootfs(p: RootfsPlan): void {
  const { spec } = p;
  within('pivot_root', () => {
    const oldRoot = L.check(L.open('/', L.O_DIRECTORY | L.O_RDONLY | L.O_CLOEXEC), 'open', '/');
    try {
      L.check(L.chdir(p.rootfs), 'chdir', p.rootfs);
      L.check(L.pivotRoot('.', '.'), 'pivot_root', p.rootfs);
      L.check(L.fchdir(oldRoot), 'fchdir', 'old root');
      // the old root stops propagating before it goes, so its unmount reaches no peer on the host
      L.check(L.mount(null, '.', null, L.MS_SLAVE | L.MS_REC, null), 'mount', 'old root rslave');
      L.check(L.umount2('.', L.MNT_DETACH), 'umount2', 'old root');
      L.check(L.chdir('/'), 'chdir', '/');
    } finally {
      L.close(oldRoot);
    }
  });
  applyRootfsPropagation(spec);
  const rootFd = L.check(L.open('/', L.O_PATH | L.O_DIRECTORY | L.O_CLOEXEC), 'open', '/');
  try {
    // read-only paths first: their bind would otherwise cover a mask set beneath one of them
    (spec.linux?.readonlyPaths ?? []).forEach((path, i) =>
      within(`linux.readonlyPaths[${i}] (${path})`, () =>
        ifExists(rootFd, path, (r) => {
          L.check(L.mount(r.path, r.path, null, L.MS_BIND | L.MS_REC, null), 'bind mount', r.path);
          onTop(rootFd, r.path, (t) => L.check(L.mount(null, t.path, null, L.MS_REMOUNT | L.MS_BIND | L.MS_RDONLY | keptFlags(t.fd), null), 'remount read-only', t.path));
        }),
      ),
    );
    (spec.linux?.maskedPaths ?? []).forEach((path, i) =>
      within(`linux.maskedPaths[${i}] (${path})`, () =>
        ifExists(rootFd, path, (r) => {
          const st = L.statat(r.fd, '', L.AT_EMPTY_PATH);
          if (st && (st.mode & L.S_IFMT) === L.S_IFDIR) L.check(L.mount('tmpfs', r.path, 'tmpfs', L.MS_RDONLY, null), 'mount tmpfs', r.path);
          else L.check(L.mount('/dev/null', r.path, null, L.MS_BIND, null), 'bind mount', `/dev/null on ${r.path}`);
        }),
      ),
    );
    if (spec.root?.readonly) {
      within('root.readonly', () => L.check(L.mount(null, '/', null, L.MS_REMOUNT | L.MS_BIND | L.MS_RDONLY | keptFlags(rootFd), null), 'remount', '/ read-only'));
    }
  } finally {
    L.close(rootFd);
  }
  L.check(L.chdir('/'), 'chdir', '/');
}
