/**
 * Paths inside the rootfs, resolved one component at a time from a
 * descriptor of the rootfs (openat with O_PATH|O_NOFOLLOW), so that a symlink
 * or `..` can never lead out of it: an absolute link target starts again at
 * the rootfs, and `..` at the rootfs stays there (the rules of
 * openat2(RESOLVE_IN_ROOT), done by hand so missing parts can be created on
 * the way). The result is a descriptor of the object itself; mount(2) is
 * pointed at it through /proc/self/fd/N, so nothing can be swapped in
 * between.
 */
import * as L from '../libc.js';

export interface Resolved {
  /** An O_PATH descriptor of what the path names (close it). */
  readonly fd: number;
  /** The path inside the root with every symlink resolved, e.g. /tmp/h8-proc-target. */
  readonly path: string;
  /** Whether resolving it went through a symlink. */
  readonly viaSymlink: boolean;
}

/** What to make where a component is missing: directories, with a regular file or a directory at the end. */
export type Create = 'dir' | 'file' | undefined;

const MAX_LINKS = 40;
const OPEN = L.O_PATH | L.O_NOFOLLOW | L.O_CLOEXEC;

function fileType(fd: number): number {
  const st = L.statat(fd, '', L.AT_EMPTY_PATH);
  if (!st) throw new L.SysError('statx', L.errno());
  return st.mode & L.S_IFMT;
}

/** Opens the component `name` in `dir` without following it, creating it first where it is missing and `create` says so. */
function openComponent(dir: number, name: string, create: Create, last: boolean, shown: string): number {
  let fd = L.openat(dir, name, OPEN);
  if (fd >= 0 || L.errno() !== L.ENOENT || !create) {
    if (fd < 0) throw new L.SysError('openat', L.errno(), shown);
    return fd;
  }
  if (last && create === 'file') {
    const f = L.openat(dir, name, L.O_CREAT | L.O_EXCL | L.O_WRONLY | L.O_NOFOLLOW | L.O_CLOEXEC, 0o644);
    if (f < 0 && L.errno() !== L.EEXIST) throw new L.SysError('create file', L.errno(), shown);
    if (f >= 0) L.close(f);
  } else if (L.mkdirat(dir, name, 0o755) < 0 && L.errno() !== L.EEXIST) {
    throw new L.SysError('mkdir', L.errno(), shown);
  }
  fd = L.openat(dir, name, OPEN);
  if (fd < 0) throw new L.SysError('openat', L.errno(), shown);
  return fd;
}

/** Resolves `path` (absolute or not, always from the root) under the directory `rootFd`. */
export function resolveInRoot(rootFd: number, path: string, create?: Create): Resolved {
  const pending = path.split('/');
  const stack: { name: string; fd: number }[] = [];
  const top = (): number => stack.at(-1)?.fd ?? rootFd;
  const unwind = (): void => {
    for (const s of stack.splice(0)) L.close(s.fd);
  };
  let links = 0;
  let viaSymlink = false;
  try {
    while (pending.length > 0) {
      const name = pending.shift() as string;
      if (name === '' || name === '.') continue;
      if (name === '..') {
        const s = stack.pop();
        if (s) L.close(s.fd);
        continue;
      }
      const last = pending.every((p) => p === '' || p === '.');
      const shown = `/${[...stack.map((s) => s.name), name].join('/')}`;
      const fd = openComponent(top(), name, create, last, shown);
      const type = fileType(fd);
      if (type === L.S_IFLNK) {
        const target = L.readlinkat(fd, '');
        L.close(fd);
        if (target === undefined) throw new L.SysError('readlink', L.errno(), shown);
        if (++links > MAX_LINKS) throw new L.SysError('resolve', L.ELOOP, path);
        viaSymlink = true;
        if (target.startsWith('/')) unwind();
        pending.unshift(...target.split('/'));
        continue;
      }
      stack.push({ name, fd });
      if (!last && type !== L.S_IFDIR) throw new L.SysError('resolve', L.ENOTDIR, shown);
    }
    const found = stack.pop();
    const resolved = `/${stack.map((s) => s.name).concat(found ? [found.name] : []).join('/')}`;
    const fd = found?.fd ?? L.openat(rootFd, '.', L.O_PATH | L.O_CLOEXEC);
    if (fd < 0) throw new L.SysError('openat', L.errno(), '/');
    return { fd, path: resolved, viaSymlink };
  } finally {
    unwind();
  }
}

/** The path through which a syscall reaches the object behind an O_PATH descriptor. */
export function fdPath(fd: number): string {
  return `/proc/self/fd/${fd}`;
}

/** The type (S_IF*) of `path` under the root, or undefined where it does not exist. */
export function typeInRoot(rootFd: number, path: string): number | undefined {
  let r: Resolved;
  try {
    r = resolveInRoot(rootFd, path);
  } catch (e) {
    if (e instanceof L.SysError && e.errno === L.ENOENT) return undefined;
    throw e;
  }
  try {
    return fileType(r.fd);
  } finally {
    L.close(r.fd);
  }
}

/** `f` with the mount now on top at `dest` (re-resolved, so it is the new mount's root). */
export function onTop(rootFd: number, dest: string, f: (r: Resolved) => void): void {
  const r = resolveInRoot(rootFd, dest);
  try {
    f(r);
  } finally {
    L.close(r.fd);
  }
}
