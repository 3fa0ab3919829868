/**
 * The libc functions oci-conform calls through koffi (the design's binding to
 * C), declared once with the constants they take, so callers read as ordinary
 * TypeScript. koffi is a native module: it is loaded on the first call of
 * `libc()`, never by an import, so a tool that needs none of this (oci-validate,
 * `oci-conform list`) does not pay for it.
 *
 * x86_64 and aarch64 Linux share every layout used here (sockaddr_un, msghdr,
 * cmsghdr with 8-byte lengths).
 */
import { createRequire } from 'node:module';

export const AF_UNIX = 1;
export const SOCK_STREAM = 1;
export const SOCK_NONBLOCK = 0o4000;
export const SOCK_CLOEXEC = 0o2000000;
export const SOL_SOCKET = 1;
export const SCM_RIGHTS = 1;
export const MSG_DONTWAIT = 0x40;
export const MSG_CMSG_CLOEXEC = 0x40000000;
export const EAGAIN = 11;
export const EINTR = 4;

/** What `libc()` gives: the calls, each returning libc's own result; `errno()` right after one that failed. */
export interface Libc {
  socket(domain: number, type: number, protocol: number): number;
  /** bind(2) of a unix socket to `path` (at most 107 bytes). */
  bindUnix(fd: number, path: string): number;
  listen(fd: number, backlog: number): number;
  accept4(fd: number, flags: number): number;
  /** recvmsg(2) of one message into `data`, with room for `maxFds` descriptors; the descriptors that came. */
  recvFds(fd: number, data: Buffer, maxFds: number, flags: number): { readonly bytes: number; readonly fds: readonly number[] };
  close(fd: number): number;
  errno(): number;
}

/** The koffi API (its type as its index declares it). */
export type Koffi = typeof import('koffi');
export type KoffiLibrary = ReturnType<Koffi['load']>;

/**
 * koffi and libc as loaded, kept process-wide: each code-cached script that needs them bundles its own copy of this
 * module (oci-ts-runtime's init and its seccomp script, its command line and create's script), and a copy loaded
 * later must not load them again, nor can it: the init runs its seccomp script's calls in the container's root,
 * where node_modules and libc.so.6 are out of reach.
 */
const loadedInProcess = ((globalThis as { [k: symbol]: unknown })[Symbol.for('oci-conform.libc')] ??= {}) as { koffi?: Koffi; libc?: KoffiLibrary };

/**
 * koffi, loaded once. Its native module is required directly where this machine's prebuilt one is present (about
 * 5 ms): the package's index also loads https, zlib and crypto for its installer, about 12 ms more at every start of
 * a command that needs libc. The index is the fallback (it checks the native version the same way).
 */
export function koffi(): Koffi {
  if (loadedInProcess.koffi) return loadedInProcess.koffi;
  const require = createRequire(import.meta.url);
  const arch = ({ x64: 'x64', arm64: 'arm64' } as Record<string, string>)[process.arch];
  if (arch && process.platform === 'linux') {
    try {
      const pkg = require('koffi/package.json') as { version: string };
      const native = require(`koffi/build/koffi/linux_${arch}/koffi.node`) as Koffi & { version: string };
      if (native.version === pkg.version) return (loadedInProcess.koffi = native);
    } catch {
      // not prebuilt for this machine, or another package layout: the index knows
    }
  }
  return (loadedInProcess.koffi = require('koffi') as Koffi);
}

/**
 * Declares a named koffi struct unless this process has one of that name. koffi's type names are per process and a
 * second declaration of a name throws, while one process may hold several copies of a module that declares one: each
 * code-cached script bundles its own (oci-ts-runtime's init and its seccomp script both send descriptors).
 */
export function structOnce(name: string, fields: Record<string, string>): void {
  const k = koffi();
  try {
    k.resolve(name);
    return;
  } catch {
    // not declared yet
  }
  k.struct(name, fields);
}

/** libc.so.6 through koffi, loaded once; declare functions on it with `.func`. */
export function libcLibrary(): KoffiLibrary {
  return (loadedInProcess.libc ??= koffi().load('libc.so.6'));
}

let loaded: Libc | undefined;

/** The binding, made on first use; throws (with koffi's message) where koffi or libc can't be loaded. */
export function libc(): Libc {
  if (loaded) return loaded;
  const k = koffi();
  const lib = libcLibrary();
  structOnce('oc_iovec', { iov_base: 'void *', iov_len: 'size_t' });
  structOnce('oc_msghdr', {
    msg_name: 'void *',
    msg_namelen: 'uint32',
    msg_iov: 'oc_iovec *',
    msg_iovlen: 'size_t',
    msg_control: 'void *',
    msg_controllen: 'size_t',
    msg_flags: 'int',
  });
  const socket = lib.func('int socket(int, int, int)');
  const bind = lib.func('int bind(int, const void *addr, uint32 len)');
  const listen = lib.func('int listen(int, int)');
  const accept4 = lib.func('int accept4(int, void *addr, void *len, int flags)');
  const recvmsg = lib.func('long recvmsg(int, _Inout_ oc_msghdr *msg, int flags)');
  const close = lib.func('int close(int)');
  loaded = {
    socket: (d, t, p) => socket(d, t, p) as number,
    bindUnix: (fd, path) => {
      const name = Buffer.from(path);
      if (name.length > 107) throw new Error(`unix socket path too long (${name.length} bytes, at most 107): ${path}`);
      const addr = Buffer.alloc(2 + name.length + 1);
      addr.writeUInt16LE(AF_UNIX, 0);
      name.copy(addr, 2);
      return bind(fd, addr, addr.length) as number;
    },
    listen: (fd, backlog) => listen(fd, backlog) as number,
    accept4: (fd, flags) => accept4(fd, null, null, flags) as number,
    recvFds: (fd, data, maxFds, flags) => {
      // one cmsghdr (len 8, level 4, type 4) and its descriptors, rounded up to 8 bytes
      const control = Buffer.alloc(16 + Math.ceil((4 * maxFds) / 8) * 8);
      const msg = { msg_name: null, msg_namelen: 0, msg_iov: [{ iov_base: data, iov_len: data.length }], msg_iovlen: 1, msg_control: control, msg_controllen: control.length, msg_flags: 0 };
      const bytes = Number(recvmsg(fd, msg, flags));
      const fds: number[] = [];
      for (let off = 0; bytes >= 0 && off + 16 <= msg.msg_controllen; ) {
        const len = Number(control.readBigUInt64LE(off));
        if (len < 16) break;
        if (control.readInt32LE(off + 8) === SOL_SOCKET && control.readInt32LE(off + 12) === SCM_RIGHTS)
          for (let p = off + 16; p + 4 <= off + len; p += 4) fds.push(control.readInt32LE(p));
        off += Math.ceil(len / 8) * 8;
      }
      return { bytes, fds };
    },
    close: (fd) => close(fd) as number,
    errno: () => k.errno(),
  };
  return loaded;
}
