/**
 * The container init's rootfs steps, for rootfs.test.ts: run under
 * `unshare --mount --pid --fork ...` with one JSON argument
 * `{ plan, argv }`; prepares and enters the rootfs, then execve's
 * /bin/busybox with argv (so what it prints is the container's view).
 * A refused plan prints `ROOTFS-ERROR: <message>` on stderr and exits 3.
 */
import { enterRootfs, prepareRootfs, type RootfsPlan } from '../../../runtime/init/rootfs.js';
import { execve, fcntl, F_SETFD } from '../../../runtime/libc.js';

const job = JSON.parse(process.argv[2] ?? '{}') as { plan: RootfsPlan; argv: string[] };
try {
  prepareRootfs(job.plan);
  enterRootfs(job.plan);
} catch (e) {
  process.stderr.write(`ROOTFS-ERROR: ${(e as Error).message}\n`);
  process.exit(3);
}
for (const fd of [0, 1, 2]) fcntl(fd, F_SETFD, 0); // Node opens stdio close-on-exec
execve('/bin/busybox', job.argv, ['PATH=/bin']);
process.stderr.write('execve /bin/busybox failed\n');
process.exit(4);
