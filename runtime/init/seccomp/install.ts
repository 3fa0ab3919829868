/**
 * Loading the compiled filter on the calling thread, and handing its notify
 * descriptor to the listener (config-linux.md, Seccomp: listenerPath).
 */
import { check, close, connectUnix, SysError, seccompSetFilter, sendFds, write, errno } from '../../libc.js';
import type { CompiledSeccomp } from './compile.js';
import { FILTER_FLAG } from './names.js';

/**
 * seccomp(SECCOMP_SET_MODE_FILTER) of `c` on the calling thread (all threads with TSYNC). The caller has set
 * no_new_privs or holds CAP_SYS_ADMIN. Returns the listener descriptor when `c.notify`, else -1; throws SysError.
 */
export function installSeccomp(c: CompiledSeccomp): number {
  const flags = c.flags | (c.notify ? FILTER_FLAG.NEW_LISTENER : 0);
  const r = check(seccompSetFilter(flags, c.program), 'seccomp', `SECCOMP_SET_MODE_FILTER (${c.program.length / 8} instructions, flags 0x${flags.toString(16)})`);
  return c.notify ? r : -1;
}

/** The container process state of config-linux.md sent with the notify descriptor (fds names it "seccompFd"). */
export function processState(ociVersion: string, pid: number, state: object, metadata?: string): object {
  return { ociVersion, fds: ['seccompFd'], pid, ...(metadata === undefined ? {} : { metadata }), state };
}

/**
 * Connects to the unix socket `path`, sends `doc` (the container process state, see processState) as JSON with
 * `fd` by SCM_RIGHTS in the first sendmsg, the rest of the bytes (if any) after it, and closes the connection.
 * `fd` stays open: the caller closes it. Throws SysError (one line naming the call and the path).
 */
export function sendListener(to: string | number, fd: number, doc: object): void {
  const data = Buffer.from(JSON.stringify(doc));
  // a socket connected before pivot_root (the path is the host's), or the path itself
  const sock = typeof to === 'number' ? to : connectUnix(to);
  const path = typeof to === 'number' ? 'socket' : to;
  try {
    let sent = sendFds(sock, data, [fd]);
    if (sent < 0) throw new SysError('sendmsg', errno(), `to the seccomp listener ${path}`);
    while (sent < data.length) {
      const n = write(sock, data.subarray(sent));
      if (n < 0) throw new SysError('write', errno(), `to the seccomp listener ${path}`);
      sent += n;
    }
  } finally {
    close(sock);
  }
}
