/**
 * The console socket for process.terminal containers. The runtime connects to
 * it and sends the pty master with SCM_RIGHTS, which Node's net module can't
 * receive, so the socket is made and read through libc (core/libc.ts, koffi),
 * here in the harness's own process: non-blocking, polled, so no thread waits
 * on a runtime that never connects. Everything the container writes to its
 * terminal is copied into the container's stdout file until the terminal
 * closes, the deadline passes or the case's cleanup closes it. Cases get it by
 * `withTerminal()` and `needs: ['console-socket']`.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { ReadStream, isatty } from 'node:tty';
import { AF_UNIX, EAGAIN, EINTR, MSG_CMSG_CLOEXEC, MSG_DONTWAIT, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_STREAM, libc } from '../core/libc.js';

export interface ConsoleSocket {
  /** Pass as --console-socket. */
  readonly path: string;
  /** Stops receiving and closes every descriptor of this socket and its terminal (idempotent). */
  close(): void;
}

/** Why no console socket can be received here, or undefined when it can (koffi and libc load). */
export function receiverProblem(): string | undefined {
  try {
    libc();
    return undefined;
  } catch (e) {
    return `cannot load libc through koffi to receive the terminal over --console-socket: ${(e as Error).message.split('\n')[0]}`;
  }
}

const POLL_MS = 10;

/** Listens at `path` (created here); the terminal's output is appended to `out`. */
export function openConsoleSocket(path: string, out: string, deadlineSec: number): ConsoleSocket {
  const c = libc();
  const fail = (what: string): never => {
    throw new Error(`console socket ${path}: ${what} failed (errno ${c.errno()})`);
  };
  const listener = c.socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (listener < 0) fail('socket');
  const fds = new Set<number>([listener]);
  const closeFd = (fd: number): void => {
    if (fds.delete(fd)) c.close(fd);
  };
  if (c.bindUnix(listener, path) < 0 || c.listen(listener, 1) < 0) {
    const errno = c.errno();
    closeFd(listener);
    throw new Error(`console socket ${path}: bind or listen failed (errno ${errno})`);
  }
  let conn = -1;
  let terminal: Readable | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    clearTimeout(deadline);
    for (const fd of [...fds]) closeFd(fd);
    terminal?.destroy();
  };
  const deadline = setTimeout(close, deadlineSec * 1000);
  deadline.unref();

  const wouldBlock = (): boolean => {
    const e = c.errno();
    return e === EAGAIN || e === EINTR;
  };
  function poll(): void {
    if (closed) return;
    if (conn < 0) {
      conn = c.accept4(listener, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (conn < 0) return wouldBlock() ? retry() : close();
      fds.add(conn);
    }
    const got = c.recvFds(conn, Buffer.alloc(1024), 4, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
    if (got.bytes < 0 && wouldBlock()) return retry();
    for (const fd of got.fds) fds.add(fd);
    const [master, ...extra] = got.fds;
    closeFd(conn);
    closeFd(listener);
    for (const fd of extra) closeFd(fd);
    if (master === undefined) return close();
    // the stream owns the pty master from here: destroying it closes the descriptor
    fds.delete(master);
    const sink = createWriteStream(out, { flags: 'a' });
    sink.once('error', close);
    // a runtime may send something that is no terminal: read it as a plain descriptor then, never throw here
    terminal = isatty(master) ? new ReadStream(master) : createReadStream('', { fd: master });
    terminal.on('data', (b: Buffer) => void sink.write(b));
    // EIO is how a pty master says the terminal's last holder closed it: the end, not a failure
    const finish = (): void => void sink.end();
    terminal.once('error', finish);
    terminal.once('end', finish);
    terminal.once('close', finish);
  }
  // a timer callback that threw would end the whole run: any failure here only ends this terminal's copy
  function step(): void {
    try {
      poll();
    } catch {
      close();
    }
  }
  function retry(): void {
    timer = setTimeout(step, POLL_MS);
  }
  retry();
  return { path, close };
}
