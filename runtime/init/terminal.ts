/**
 * process.terminal: a pseudoterminal made from the container's own /dev/ptmx
 * (its devpts instance), its master sent to the console socket with
 * SCM_RIGHTS (the socket was connected before pivot_root), its slave bound on
 * /dev/console, sized per consoleSize, and made the program's stdin, stdout,
 * stderr and controlling terminal (the init is a session leader: create
 * started it with setsid).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { bindMount, check, close, dup2, ioctl, O_CLOEXEC, O_NOCTTY, O_RDWR, open, sendFds } from '../libc.js';

const TIOCGPTN = 0x80045430;
const TIOCSPTLCK = 0x40045431;
const TIOCSWINSZ = 0x5414;
const TIOCSCTTY = 0x540e;

export function setupTerminal(consoleSock: number, size?: { height: number; width: number }): void {
  if (consoleSock < 0) throw new Error('process.terminal is true but no --console-socket was given');
  const master = check(open('/dev/ptmx', O_RDWR | O_NOCTTY | O_CLOEXEC), 'open', '/dev/ptmx');
  check(ioctl(master, TIOCSPTLCK, Buffer.alloc(4)), 'ioctl(TIOCSPTLCK)', '/dev/ptmx');
  const n = Buffer.alloc(4);
  check(ioctl(master, TIOCGPTN, n), 'ioctl(TIOCGPTN)', '/dev/ptmx');
  const slavePath = `/dev/pts/${n.readUInt32LE(0)}`;
  const slave = check(open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC), 'open', slavePath);
  if (size) {
    const ws = Buffer.alloc(8);
    ws.writeUInt16LE(size.height, 0);
    ws.writeUInt16LE(size.width, 2);
    check(ioctl(slave, TIOCSWINSZ, ws), 'ioctl(TIOCSWINSZ)', slavePath);
  }
  if (!existsSync('/dev/console')) writeFileSync('/dev/console', '', { mode: 0o600 });
  check(bindMount(slavePath, '/dev/console'), 'mount', `${slavePath} on /dev/console`);
  check(sendFds(consoleSock, Buffer.from(slavePath), [master]), 'sendmsg', 'console socket');
  close(master);
  close(consoleSock);
  for (const fd of [0, 1, 2]) check(dup2(slave, fd), 'dup2', slavePath);
  close(slave);
  check(ioctl(0, TIOCSCTTY, 0), 'ioctl(TIOCSCTTY)', slavePath);
}
