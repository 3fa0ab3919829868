/**
 * A console socket for process.terminal cases. The runtime sends the pty
 * master over a unix socket with SCM_RIGHTS, which Node's net module can't
 * receive, so a small python3 program (standard library only) receives it
 * and copies everything the container writes to the terminal into a file.
 * It exits when the terminal closes, on its own deadline, or when we kill
 * it (we always do, in `close`). Without python3 the case skips.
 *
 * The harness should own this (a console-socket helper on the context);
 * until it does, the terminal cases use this one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
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
  /** The path to pass as --console-socket. */
  readonly path: string;
  /** What the container wrote to its terminal so far, with CR LF turned into LF. */
  output(): Promise<string>;
  /** Waits (up to `ms`) until the terminal closed and the receiver exited. */
  closed(ms: number): Promise<boolean>;
  /** Kills the receiver if it still runs. */
  close(): void;
}

export async function python3(): Promise<string | undefined> {
  for (const p of ['/usr/bin/python3', '/usr/local/bin/python3']) {
    try {
      await access(p);
      return p;
    } catch {
      /* next */
    }
  }
  return undefined;
}

/** Starts the receiver in `dir`; resolves once the socket exists. */
export async function openConsoleSocket(python: string, dir: string, deadlineSec = 60): Promise<ConsoleSocket> {
  const path = join(dir, 'console.sock');
  const out = join(dir, 'console.out');
  const child: ChildProcess = spawn(python, ['-c', RECEIVER, path, out, String(deadlineSec)], { stdio: 'ignore' });
  const state = { exited: false };
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve(void (state.exited = true))));
  for (let i = 0; i < 200; i++) {
    if (state.exited || (await stat(path).then(() => true, () => false))) break;
    await sleep(25);
  }
  return {
    path,
    output: async () => (await readFile(out, 'utf8').catch(() => '')).replace(/\r\n/g, '\n'),
    closed: async (ms) => Promise.race([done.then(() => true), sleep(ms).then(() => false)]),
    close: () => {
      if (!state.exited) child.kill('SIGKILL');
    },
  };
}
