/**
 * runtime/store.ts for real: container ids, the record on disk, the status read
 * from a real process (alive, reused pid, zombie, gone), and the lock that
 * keeps two commands on one container apart (a second process waits until the
 * first releases; a killed holder's lock is broken, a live one's never; a
 * container deleted meanwhile is reported as gone). Also parseSignal of
 * runtime/commands.ts, and RuntimeError across two copies of the module (as
 * two code-cached scripts of the command line hold).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseSignal } from '../../runtime/commands.js';
import { alive, processStartTime, RuntimeError, stateOf, statusOf, Store, type ContainerRecord } from '../../runtime/store.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const DRIVER = join(HERE, 'store-lock-driver.ts');

let dir: string;
let store: Store;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'oci-ts-store-'));
  store = new Store(join(dir, 'root'));
});

afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGKILL');
      await new Promise((r) => c.once('exit', r));
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

function record(over: Partial<ContainerRecord> = {}): ContainerRecord {
  return { id: 'c', bundle: '/b', ociVersion: '1.2.0', created: true, started: false, ...over };
}

/** A process of our own, and its pid and start time once it runs. */
async function sleeper(args = ['sleep', '100']): Promise<{ child: ChildProcess; pid: number; startTime: string }> {
  const child = spawn(args[0]!, args.slice(1), { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  await new Promise((r) => child.once('spawn', r));
  const pid = child.pid!;
  return { child, pid, startTime: processStartTime(pid)! };
}

async function exited(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return;
  await new Promise((r) => c.once('exit', r));
}

describe('RuntimeError', () => {
  it('is recognised whichever copy of store.ts made it; a subclass and a plain Error are told apart', async () => {
    vi.resetModules();
    const copy = await import('../../runtime/store.js');
    expect(copy.RuntimeError).not.toBe(RuntimeError);
    const theirs = new copy.RuntimeError('from the other copy');
    expect(theirs).toBeInstanceOf(RuntimeError);
    expect(new RuntimeError('ours')).toBeInstanceOf(copy.RuntimeError);
    class Usage extends RuntimeError {}
    expect(new Usage('u')).toBeInstanceOf(Usage);
    expect(new Usage('u')).toBeInstanceOf(RuntimeError);
    expect(theirs).not.toBeInstanceOf(Usage);
    for (const v of [new Error('plain'), Object.assign(new Error('named'), { name: 'RuntimeError' }), undefined, null, 'RuntimeError']) expect(v instanceof RuntimeError).toBe(false);
  });
});

describe('container ids', () => {
  it.each(['', '.', '..', '../x', 'a/b', '-x', '.hidden', 'a b', 'a\nb', 'é', 'x'.repeat(1025)])('refuses %j before touching the disk', (id) => {
    expect(() => store.dir(id)).toThrow(RuntimeError);
    expect(() => store.dir(id)).toThrow(/^invalid container id .*: letters, digits and _ \. \+ - only$/);
    expect(() => store.createLocked(id)).toThrow(RuntimeError);
    expect(existsSync(store.root)).toBe(false);
  });

  it('takes letters, digits and _ . + - (not first), up to 1024 characters', () => {
    for (const id of ['a', 'A.b+c_d-1', '9', 'x'.repeat(1024)]) expect(store.dir(id)).toBe(join(store.root, id));
  });
});

describe('the record on disk', () => {
  it('createLocked makes a 0711 directory and refuses a taken id with one line', () => {
    const l = store.createLocked('c1');
    expect(statSync(l.dir).mode & 0o777).toBe(0o711);
    l.release();
    expect(() => store.createLocked('c1')).toThrow(new RuntimeError('container c1 already exists'));
  });

  it('round-trips a record through write and read, leaving no temporary file', () => {
    store.createLocked('c1').release();
    const rec = record({ id: 'c1', created: false, pid: 12, startTime: '34', annotations: { a: 'b' } });
    store.write(rec);
    expect(store.read('c1')).toEqual(rec);
    expect(readdirSync(store.dir('c1'))).toEqual(['container.json']);
  });

  it('a created container reads as started once its exec fifo is gone (start does not write the record)', () => {
    store.createLocked('c1').release();
    store.write(record({ id: 'c1' }));
    writeFileSync(join(store.dir('c1'), 'exec.fifo'), ''); // its presence is what counts, not its type
    expect(store.read('c1').started).toBe(false);
    rmSync(join(store.dir('c1'), 'exec.fifo'));
    expect(store.read('c1').started).toBe(true);
    // an unfinished create has no fifo yet and has not started
    store.write(record({ id: 'c1', created: false }));
    expect(store.read('c1').started).toBe(false);
  });

  it('names a missing container and an unreadable record', () => {
    expect(() => store.read('nope')).toThrow(new RuntimeError('container nope does not exist'));
    expect(() => store.openLocked('nope')).toThrow(new RuntimeError('container nope does not exist'));
    // an invalid id is refused as such by every operation, not reported as a record that can't be read
    for (const op of [(): unknown => store.read('../x'), (): unknown => store.openLocked('../x')]) expect(op).toThrow(new RuntimeError('invalid container id "../x": letters, digits and _ . + - only'));
    store.createLocked('bad').release();
    writeFileSync(join(store.dir('bad'), 'container.json'), '{"id":');
    expect(() => store.read('bad')).toThrow(/^container bad: its record can't be read: /);
  });

  it('remove takes the whole directory', () => {
    store.createLocked('c1').release();
    store.write(record({ id: 'c1' }));
    store.remove('c1');
    expect(existsSync(store.dir('c1'))).toBe(false);
    expect(() => store.read('c1')).toThrow('does not exist');
  });

  it('remove takes what it does not expect too (a directory put there, a fifo), and a missing one is no error', () => {
    store.createLocked('c2').release();
    store.write(record({ id: 'c2' }));
    mkdirSync(join(store.dir('c2'), 'by-hand', 'deeper'), { recursive: true });
    writeFileSync(join(store.dir('c2'), 'by-hand', 'deeper', 'f'), 'x');
    expect(spawnSync('mkfifo', [join(store.dir('c2'), 'exec.fifo')]).status).toBe(0);
    store.remove('c2');
    expect(existsSync(store.dir('c2'))).toBe(false);
    expect(() => store.remove('c2')).not.toThrow();
  });
});

describe('status from a real process', () => {
  it('a living process is created, then running once started; stopped when it is gone', async () => {
    const s = await sleeper();
    const rec = record({ pid: s.pid, startTime: s.startTime });
    expect(alive(rec)).toBe(true);
    expect(statusOf(rec)).toBe('created');
    expect(stateOf(rec)).toEqual({ ociVersion: '1.2.0', id: 'c', status: 'created', bundle: '/b', pid: s.pid });
    expect(statusOf({ ...rec, started: true })).toBe('running');
    s.child.kill('SIGKILL');
    await exited(s.child);
    expect(alive(rec)).toBe(false);
    expect(statusOf({ ...rec, started: true })).toBe('stopped');
    expect(stateOf(rec)).toEqual({ ociVersion: '1.2.0', id: 'c', status: 'stopped', bundle: '/b' });
  });

  it('a pid alive with another start time (a reused pid) is not the container', async () => {
    const s = await sleeper();
    expect(statusOf(record({ pid: s.pid, startTime: String(Number(s.startTime) + 1) }))).toBe('stopped');
    expect(statusOf(record({ pid: s.pid }))).toBe('stopped');
  });

  it('a zombie counts as gone', async () => {
    // sh starts a short child and execs a sleep that never reaps it: the child, still running at the exec, ends a zombie
    const s = await sleeper(['sh', '-c', 'sleep 0.3 & echo $!; exec sleep 100']);
    const zombie = Number(await new Promise<string>((r) => s.child.stdout!.once('data', (d: Buffer) => r(d.toString()))));
    for (let i = 0; i < 2000 && !/\) Z /.test(readFileSync(`/proc/${zombie}/stat`, 'utf8')); i++) await new Promise((r) => setTimeout(r, 5));
    expect(readFileSync(`/proc/${zombie}/stat`, 'utf8')).toMatch(/\) Z /);
    expect(processStartTime(zombie)).toBeUndefined();
    expect(statusOf(record({ pid: zombie, startTime: '1' }))).toBe('stopped');
  });

  it('an unfinished create is creating while its creator lives, stopped after', async () => {
    const s = await sleeper();
    const rec = record({ created: false, creator: s.pid });
    expect(statusOf(rec)).toBe('creating');
    expect(stateOf(rec).pid).toBeUndefined();
    s.child.kill('SIGKILL');
    await exited(s.child);
    expect(statusOf(rec)).toBe('stopped');
  });

  it('annotations appear in the state only when there are some', () => {
    expect(stateOf(record({ annotations: {} }))).not.toHaveProperty('annotations');
    expect(stateOf(record({ annotations: { k: 'v' } })).annotations).toEqual({ k: 'v' });
  });
});

/** A driver process and the lines it printed so far. */
function driver(...args: string[]): { child: ChildProcess; line: (text: RegExp) => Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx/esm', DRIVER, ...args], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of waiters.splice(0)) w();
  });
  child.stderr!.on('data', (d: Buffer) => void (err += d.toString()));
  child.once('exit', () => {
    for (const w of waiters.splice(0)) w();
  });
  const line = async (text: RegExp): Promise<string> => {
    for (;;) {
      const found = out.split('\n').find((l) => text.test(l));
      if (found !== undefined) return found;
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`driver ${args.join(' ')} exited without ${text}: ${out}${err}`);
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  return { child, line };
}

describe('the lock on a container', () => {
  beforeEach(() => {
    store.createLocked('c1').release();
    store.write(record({ id: 'c1' }));
  });

  const lockFile = (id = 'c1'): string => join(store.dir(id), 'lock');

  it('a second command waits while the first holds it, and gets it when released', async () => {
    const holder = driver('hold', store.root, 'c1');
    await holder.line(/^locked$/);
    expect(readFileSync(lockFile(), 'utf8')).toMatch(new RegExp(`^${holder.child.pid} \\d+$`));
    const waiter = driver('wait', store.root, 'c1');
    expect(await waiter.line(/^(waiting|got|error)/)).toBe(`waiting for ${holder.child.pid}`);
    holder.child.stdin!.write('release\n');
    expect(await waiter.line(/^(got|error)/)).toBe('got c1');
    // its release comes after its "got": only then is the file gone
    await waiter.line(/^released$/);
    expect(existsSync(lockFile())).toBe(false);
    expect(readdirSync(store.dir('c1')).sort()).toEqual(['container.json']);
  });

  it('a killed holder\'s lock is broken by the command waiting on it', async () => {
    const holder = driver('hold', store.root, 'c1');
    await holder.line(/^locked$/);
    const waiter = driver('wait', store.root, 'c1');
    await waiter.line(/^waiting for/);
    holder.child.kill('SIGKILL');
    expect(await waiter.line(/^(got|error)/)).toBe('got c1');
  });

  it('a killed holder\'s lock is broken by the next command, which does not wait', async () => {
    const holder = driver('hold', store.root, 'c1');
    await holder.line(/^locked$/);
    holder.child.kill('SIGKILL');
    await exited(holder.child);
    expect(existsSync(lockFile())).toBe(true);
    const l = store.openLocked('c1');
    expect(readFileSync(lockFile(), 'utf8')).toBe(`${process.pid} ${processStartTime(process.pid)}`);
    l.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('a lock naming a live pid with another start time (a reused pid) is broken; one naming a live process is not', async () => {
    const s = await sleeper();
    writeFileSync(lockFile(), `${s.pid} ${Number(s.startTime) + 1}`);
    store.openLocked('c1').release();
    writeFileSync(lockFile(), `${s.pid} ${s.startTime}`);
    const waiter = driver('wait', store.root, 'c1');
    expect(await waiter.line(/^(waiting|got|error)/)).toBe(`waiting for ${s.pid}`);
    s.child.kill('SIGKILL');
    expect(await waiter.line(/^(got|error)/)).toBe('got c1');
  });

  it('a container deleted while the second waited is reported as gone', async () => {
    const holder = driver('hold', store.root, 'c1');
    await holder.line(/^locked$/);
    const waiter = driver('wait', store.root, 'c1');
    await waiter.line(/^waiting for/);
    holder.child.stdin!.write('remove\n');
    expect(await waiter.line(/^(got|error)/)).toBe('error: container c1 does not exist');
    expect(existsSync(store.dir('c1'))).toBe(false);
  });

  it('the lock is per container: another id is not held up', async () => {
    store.createLocked('c2').release();
    store.write(record({ id: 'c2' }));
    const holder = driver('hold', store.root, 'c1');
    await holder.line(/^locked$/);
    const other = driver('wait', store.root, 'c2');
    expect(await other.line(/^(waiting|got|error)/)).toBe('got c2');
  });
});

describe('parseSignal (runtime/commands.ts)', () => {
  it.each([
    ['KILL', 9],
    ['SIGKILL', 9],
    ['kill', 9],
    ['sigterm', 15],
    ['TERM', 15],
    ['9', 9],
    ['1', 1],
    ['64', 64],
    ['USR1', 10],
  ])('%s is %i', (s, n) => expect(parseSignal(s)).toBe(n));

  it.each(['0', '65', '-9', '9x', '', 'SIG', 'SIGFOO', 'KILL ', '1e1'])('%j is refused with one line', (s) => {
    expect(() => parseSignal(s)).toThrow(new RuntimeError(`unknown signal ${JSON.stringify(s)}`));
  });
});
