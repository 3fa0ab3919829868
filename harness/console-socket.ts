/**
 * The console socket for process.terminal containers. The runtime sends the
 * pty master over a unix socket with SCM_RIGHTS, which Node's net module
 * can't receive, so a small python3 program (standard library only, 3.9+ for
 * socket.recv_fds) receives it and copies everything the container writes to
 * its terminal into the container's stdout file. It ends when the terminal
 * closes, on its own deadline, or when cleanup kills it. Cases get it by
 * `withTerminal()` and `needs: ['console-socket']`.
 */
import { spawn } from 'node:child_process';
import { access, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const RECEIVER = `
import os, signal, socket, sys
signal.alarm(int(sys.argv[3]))
path, out = sys.argv[1], sys.argv[2]
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen(1)
conn, _ = srv.accept()
_, fds, _, _ = socket.recv_fds(conn, 1024, 4)
conn.close()
srv.close()
with open(out, 'ab', buffering=0) as f:
    while fds:
        try:
            b = os.read(fds[0], 4096)
        except OSError:
            break
        if not b:
            break
        f.write(b)
`;

export interface ConsoleSocket {
  /** Pass as --console-socket. */
  readonly path: string;
  /** The receiver's pid (the ledger records it, so a sweep after a crash can end it). */
  readonly pid: number | undefined;
  /** Kills the receiver if it still runs. */
  close(): void;
}

/** A python3 with socket.recv_fds, or why there is none. */
export async function findReceiver(): Promise<{ python: string } | { reason: string }> {
  for (const p of ['/usr/bin/python3', '/usr/local/bin/python3']) {
    try {
      await access(p);
    } catch {
      continue;
    }
    const { execa } = await import('execa'); // execa on first use: importing it costs more CPU than starting node (bench/README.md, "spawn").
    const ok = !(await execa(p, ['-c', 'import socket; socket.recv_fds'], { timeout: 10_000, reject: false })).failed;
    return ok ? { python: p } : { reason: `${p} has no socket.recv_fds (needs python 3.9+) to receive the terminal over --console-socket` };
  }
  return { reason: 'no python3 to receive the terminal over --console-socket (Node cannot take a file descriptor over a unix socket)' };
}

/** Starts the receiver; resolves once its socket exists. `out` receives the terminal's output. */
export async function openConsoleSocket(python: string, path: string, out: string, deadlineSec: number): Promise<ConsoleSocket> {
  // Plain spawn, not execa: the receiver outlives this call, has no output to collect, and its end
  // (our SIGKILL, its alarm, the terminal closing) is not an error for anyone to catch.
  const child = spawn(python, ['-c', RECEIVER, path, out, String(Math.max(1, Math.ceil(deadlineSec)))], { stdio: 'ignore' });
  const state = { exited: false };
  child.once('exit', () => (state.exited = true));
  for (let i = 0; i < 400 && !state.exited; i++) {
    if (await stat(path).then(() => true, () => false)) break;
    await sleep(10);
  }
  return {
    path,
    pid: child.pid,
    close: () => {
      if (!state.exited) child.kill('SIGKILL');
    },
  };
}
