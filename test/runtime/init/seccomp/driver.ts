/**
 * Test driver: `node --import tsx/esm driver.ts '<json>'` with { seccomp, argv, listener?, listenerDoc? }
 * sets no_new_privs, compiles and installs `seccomp` on the main thread, sends the notify descriptor to
 * `listener` when there is one, then execve's /usr/bin/busybox with `argv` (argv[0] included). Any failure
 * before execve: its message on stderr, exit 120.
 */
import { installSeccomp, compileSeccomp, sendListener } from '../../../../runtime/init/seccomp/index.js';
import { check, execve, errno, F_SETFD, fcntl, seccompNoNewPrivs, SysError } from '../../../../runtime/libc.js';
import type { Seccomp } from '../../../../runtime/spec.js';

interface Order {
  seccomp: Seccomp;
  argv: string[];
  listener?: string;
  listenerDoc?: object;
}

try {
  const order = JSON.parse(process.argv[2] ?? '') as Order;
  const compiled = compileSeccomp(order.seccomp);
  // Node leaves 0-2 close-on-exec: the program must inherit them
  for (const fd of [0, 1, 2]) check(fcntl(fd, F_SETFD, 0), 'fcntl', `F_SETFD ${fd}`);
  check(seccompNoNewPrivs(), 'prctl', 'PR_SET_NO_NEW_PRIVS');
  const fd = installSeccomp(compiled);
  if (fd >= 0 && order.listener) sendListener(order.listener, fd, order.listenerDoc ?? {});
  execve('/usr/bin/busybox', order.argv, ['PATH=/usr/bin:/bin', 'LANG=C']);
  throw new SysError('execve', errno(), '/usr/bin/busybox');
} catch (e) {
  process.stderr.write(`driver: ${(e as Error).message}\n`);
  process.exit(120);
}
