/**
 * SCMP_ACT_NOTIFY: installSeccomp returns the listener descriptor and sendListener hands it over with the
 * container process state (config-linux.md, listenerPath). This test is the listener; the driver installs a
 * NOTIFY filter on mkdir, sends the descriptor and execs `busybox mkdir`, which waits for the listener. Closing
 * the listener's descriptor answers the waiting call with ENOSYS.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AF_UNIX, EAGAIN, libc, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_STREAM } from '../../../../core/libc.js';
import { processState } from '../../../../runtime/init/seccomp/index.js';
import { EFAULT, EINVAL, errno, seccompSetFilter } from '../../../../runtime/libc.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../../..');
const open: number[] = [];
let dir = '';

afterEach(() => {
  for (const fd of open.splice(0)) libc().close(fd);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the seccomp listener', () => {
  it('receives the container process state with the notify descriptor; closing it fails the waiting call with ENOSYS', async () => {
    dir = mkdtempSync(join(tmpdir(), 'seccomp-listener-'));
    const path = join(dir, 'listener.sock');
    const c = libc();
    const server = c.socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    open.push(server);
    expect(c.bindUnix(server, path)).toBe(0);
    expect(c.listen(server, 1)).toBe(0);

    const doc = processState('1.3.0', 4242, { ociVersion: '1.3.0', id: 'c1', status: 'creating', bundle: '/b' }, 'meta');
    const seccomp = { defaultAction: 'SCMP_ACT_ALLOW', listenerPath: path, listenerMetadata: 'meta', syscalls: [{ names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_NOTIFY' }] };
    const order = { seccomp, argv: ['mkdir', join(dir, 'd')], listener: path, listenerDoc: doc };
    const child = spawn(process.execPath, ['--import', 'tsx/esm', join(HERE, 'driver.ts'), JSON.stringify(order)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    let done = false;
    void exited.then(() => (done = true));

    let conn = -1;
    while (conn < 0 && !done) {
      conn = c.accept4(server, SOCK_CLOEXEC);
      if (conn < 0) {
        expect(c.errno()).toBe(EAGAIN);
        await sleep(20);
      }
    }
    expect(conn, `the driver never connected: ${stderr}`).toBeGreaterThanOrEqual(0);
    open.push(conn);
    const data = Buffer.alloc(65536);
    const got = c.recvFds(conn, data, 4, 0);
    expect(got.fds).toHaveLength(1);
    open.push(...got.fds);
    expect(JSON.parse(data.subarray(0, got.bytes).toString())).toEqual({ ociVersion: '1.3.0', fds: ['seccompFd'], pid: 4242, metadata: 'meta', state: { ociVersion: '1.3.0', id: 'c1', status: 'creating', bundle: '/b' } });
    expect(readlinkSync(`/proc/self/fd/${got.fds[0]}`)).toBe('anon_inode:seccomp notify');

    // the connection is closed after one state
    expect(c.recvFds(conn, data, 1, 0).bytes).toBe(0);
    // no answer: closing the listener makes the waiting mkdir fail with ENOSYS
    c.close(open.pop()!);
    expect(await exited).toBe(1);
    expect(stderr).toContain('Function not implemented');
    expect(existsSync(join(dir, 'd'))).toBe(false);
  });
});

describe('the flag probe checkSeccomp uses', () => {
  it('a NULL program tells known flags (EFAULT) from unknown ones (EINVAL) and installs nothing', () => {
    expect(seccompSetFilter(2, null)).toBe(-1);
    expect(errno()).toBe(EFAULT);
    expect(seccompSetFilter(1 << 20, null)).toBe(-1);
    expect(errno()).toBe(EINVAL);
  });
});
