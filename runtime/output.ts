/**
 * What the command line prints, written straight to fd 1 or 2. process.stdout and process.stderr are streams
 * that Node builds on first use (node:stream and, for a pipe, node:net), some 5 ms of every command's start that
 * printed anything; a whole line at once with writeSync is all a command needs.
 */
import { writeSync } from 'node:fs';

const SLEEP = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text` to `fd`; a reader that went away (EPIPE) ends the output quietly. */
export function print(fd: 1 | 2, text: string): void {
  const b = Buffer.from(text);
  for (let off = 0; off < b.length; ) {
    try {
      off += writeSync(fd, b, off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // a descriptor someone else made non-blocking: wait for room
      if (code === 'EAGAIN') {
        Atomics.wait(SLEEP, 0, 0, 1);
        continue;
      }
      if (code === 'EPIPE' || code === 'EBADF') return;
      throw e;
    }
  }
}
