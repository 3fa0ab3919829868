import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { openConsoleSocket, receiverProblem } from '../../harness/console-socket.js';

const dir = mkdtempSync(join(tmpdir(), 'oci-conform-console-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Descriptors of this process that are sockets: what the console socket opens and must close. */
function socketsOpen(): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:');
    } catch {
      return false;
    }
  }).length;
}

describe('console socket (libc through koffi, in-process)', () => {
  it('loads here: koffi is a dependency', () => {
    expect(receiverProblem()).toBeUndefined();
  });

  it('closed before anyone connects: its descriptors are gone', () => {
    const before = socketsOpen();
    const s = openConsoleSocket(join(dir, 'a.sock'), join(dir, 'a.out'), 60);
    expect(socketsOpen()).toBe(before + 1);
    s.close();
    s.close();
    expect(socketsOpen()).toBe(before);
  });

  it('a peer that sends bytes but no descriptor ends it, and nothing stays open', async () => {
    const before = socketsOpen();
    const s = openConsoleSocket(join(dir, 'b.sock'), join(dir, 'b.out'), 60);
    const peer = createConnection(join(dir, 'b.sock'));
    await new Promise<void>((done) => peer.once('connect', () => done()));
    peer.end('no fd here');
    // the receiver polls every 10 ms: give it the message, then it must have let go of both its sockets
    for (let i = 0; i < 200 && socketsOpen() > before + 1; i++) await sleep(10);
    peer.destroy();
    for (let i = 0; i < 200 && socketsOpen() > before; i++) await sleep(10);
    expect(socketsOpen()).toBe(before);
    s.close();
  });
});
