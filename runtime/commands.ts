/**
 * The operations after create (runtime.md "Operations"): start, state, kill,
 * delete. Each checks the container's status first and, when the operation is
 * not allowed in it, fails with one line and changes nothing.
 */
import { closeSync, constants, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions } from '../spec/versions.js';
import { emptyAndRemoveCgroups } from './cgroups/index.js';
import { prestartAtCreate, runHooks } from './hooks.js';
import { SIGNALS } from './signals.js';
import type { State } from './spec.js';
import { alive, RuntimeError, stateOf, statusOf, type ContainerRecord, type Store } from './store.js';

const SLEEP = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number): void => void Atomics.wait(SLEEP, 0, 0, ms);

export function state(store: Store, id: string): string {
  return JSON.stringify(stateOf(store.read(id)), null, 2);
}

/** A signal as a name (with or without SIG) or a number. */
export function parseSignal(s: string): number {
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    if (n >= 1 && n <= 64) return n;
  } else {
    const name = s.toUpperCase().startsWith('SIG') ? s.toUpperCase() : `SIG${s.toUpperCase()}`;
    const n = SIGNALS[name];
    if (n !== undefined) return n;
  }
  throw new RuntimeError(`unknown signal ${JSON.stringify(s)}`);
}

export function kill(store: Store, id: string, signal: string): void {
  const sig = parseSignal(signal);
  const rec = store.read(id);
  const status = statusOf(rec);
  if (status !== 'created' && status !== 'running') throw new RuntimeError(`container ${id} is ${status}: kill needs a created or running container`);
  try {
    process.kill(rec.pid!, sig);
  } catch (e) {
    throw new RuntimeError(`kill ${rec.pid} (container ${id}): ${(e as NodeJS.ErrnoException).code}`);
  }
}

function runningState(rec: ContainerRecord, status: State['status']): State {
  return { ...stateOf(rec), status, pid: rec.pid };
}

export function start(store: Store, id: string, warn: (m: string) => void): void {
  const lock = store.openLocked(id);
  try {
    const rec = lock.record;
    const status = statusOf(rec);
    if (status !== 'created') throw new RuntimeError(`container ${id} is ${status}: start needs a created container`);
    if (rec.noProcess) throw new RuntimeError(`container ${id} has no process in its config.json: there is nothing to start`);
    if (!prestartAtCreate(rec.ociVersion)) {
      const failed = runHooks('prestart', rec.hooks?.prestart, runningState(rec, 'created'));
      if (failed[0]) {
        stop(rec);
        throw new RuntimeError(failed[0].message);
      }
    }
    const fifo = join(lock.dir, 'exec.fifo');
    // the init holds exec.done open until its execve: its end is the exec, anything written before it an error
    const done = openSync(join(lock.dir, 'exec.done'), constants.O_RDONLY | constants.O_NONBLOCK);
    let fd: number;
    try {
      fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (e) {
      throw new RuntimeError(`container ${id}: its init is not waiting (${(e as NodeJS.ErrnoException).code})`);
    }
    // gone before the init can run the program: from here on the container reads as started (Store.read)
    unlinkSync(fifo);
    writeSync(fd, Buffer.from([0]));
    closeSync(fd);
    const why = readToEnd(done);
    if (why) throw new RuntimeError(`container ${id} did not start: ${why}`);
    const failed = runHooks('poststart', rec.hooks?.poststart, runningState(rec, 'running'), true);
    if (failed.length === 0) return;
    // up to 1.2.x a failing poststart hook is a warning; from 1.3.0 the operation fails and the container is stopped
    if (compareVersions(rec.ociVersion, '1.3.0') >= 0) {
      stop(rec);
      throw new RuntimeError(failed[0]!.message);
    }
    for (const f of failed) warn(f.message);
  } finally {
    lock.release();
  }
}

/** Everything written to a non-blocking fifo until its last writer closes it; the fd is closed. */
function readToEnd(fd: number): string {
  const buf = Buffer.alloc(4096);
  let text = '';
  try {
    for (let i = 0; ; i++) {
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        // the init execs within a few ms of the fifo's byte: look often at first
        sleep(i < 500 ? 0.2 : 5);
        continue;
      }
      if (n === 0) return text.trim();
      text += buf.toString('utf8', 0, n);
    }
  } finally {
    closeSync(fd);
  }
}

function stop(rec: ContainerRecord): void {
  if (rec.pid !== undefined && alive(rec)) process.kill(rec.pid, 'SIGKILL');
  for (let i = 0; i < 2000 && alive(rec); i++) sleep(5);
}

export function remove(store: Store, id: string, force: boolean, warn: (m: string) => void): void {
  const lock = store.openLocked(id);
  try {
    const rec = lock.record;
    const status = statusOf(rec);
    if (status === 'creating') throw new RuntimeError(`container ${id} is being created`);
    if (status !== 'stopped') {
      if (!force) throw new RuntimeError(`container ${id} is ${status}: delete needs a stopped container (or --force)`);
      stop(rec);
    }
    // what the container left running (no pid namespace of its own): it goes with the container
    if (rec.cgroups) emptyAndRemoveCgroups(rec.cgroups as never);
    if (rec.created) {
      const stopped: State = { ...stateOf(rec), status: 'stopped' };
      for (const f of runHooks('poststop', rec.hooks?.poststop, stopped, true)) warn(f.message);
    }
    store.remove(id);
  } finally {
    lock.release();
  }
}
