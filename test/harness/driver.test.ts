import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuntimeDriver } from '../../harness/driver/driver.js';
import { describeCall, succeeded } from '../../harness/driver/record.js';
import { parseState } from '../../harness/driver/state.js';
import { profileByName, profileFor } from '../../harness/profiles/index.js';
import { removeTree } from '../../harness/cleanup.js';

let dir: string;
const leaked: number[] = [];

/** A fake runtime: logs its argv; 'create' and 'start' leave a child holding stdout/stderr open, like a container init. */
const FAKE = `#!/bin/sh
echo "$@" >> "$FAKE_LOG"
case "$3" in
  create) sleep 300 & echo $! >> "$FAKE_PIDS"; echo "created $7"; echo "warn: create" >&2; exit 0 ;;
  start) sleep 300 & echo $! >> "$FAKE_PIDS"; echo started; exit 0 ;;
  hang) exec sleep 300 ;;
  tree) sh -c 'sleep 300 & echo $! >> "$FAKE_TREE"; wait' & echo $! >> "$FAKE_TREE"
        while [ "$(wc -l < "$FAKE_TREE")" -lt 2 ]; do sleep 0.05; done; echo ready; exec sleep 300 ;;
  say) echo "said $4"; echo "err $4" >&2; exit 0 ;;
  fail) echo "boom: $4" >&2; exit 4 ;;
esac
exit 0
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-conform-driver-'));
  await writeFile(join(dir, 'fake'), FAKE);
  await chmod(join(dir, 'fake'), 0o755);
  process.env.FAKE_LOG = join(dir, 'log');
  process.env.FAKE_PIDS = join(dir, 'pids');
  process.env.FAKE_TREE = join(dir, 'tree');
});

/** Running or stopped, not gone and not a zombie. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

afterAll(async () => {
  const pids = (await readFile(join(dir, 'pids'), 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number);
  const tree = (await readFile(join(dir, 'tree'), 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number);
  for (const p of [...pids, ...tree, ...leaked]) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  await removeTree(dir);
});

const driver = (timeoutMs = 20_000): RuntimeDriver =>
  new RuntimeDriver({ binary: join(dir, 'fake'), profile: profileFor('fake'), stateRoot: join(dir, 'state'), timeoutMs });

describe('runtime driver records', () => {
  it('puts the profile root flag first and records a success', async () => {
    const calls: unknown[] = [];
    const d = new RuntimeDriver({ binary: join(dir, 'fake'), profile: profileByName('runc')!, stateRoot: '/x/state', timeoutMs: 20_000, onCall: (r) => calls.push(r) });
    const r = await d.kill('id1', 'SIGUSR1');
    expect(r.argv).toEqual([join(dir, 'fake'), '--root', '/x/state', 'kill', 'id1', 'SIGUSR1']);
    expect(r.exitCode).toBe(0);
    expect(r.timedOut).toBe(false);
    expect(succeeded(r)).toBe(true);
    expect(calls).toEqual([r]);
  });

  it('records a failure with its stderr and exit code', async () => {
    const r = await driver().call(['fail', 'x']);
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toBe('boom: x\n');
    expect(succeeded(r)).toBe(false);
    expect(describeCall(r)).toMatch(/exited 4: boom: x$/);
  });

  it('create: its stdio are the container files, and it returns although a child keeps them open', async () => {
    const out = join(dir, 'c.out');
    const err = join(dir, 'c.err');
    await writeFile(out, '');
    await writeFile(err, '');
    const r = await driver().create('cid', '/b', { pidFile: '/p', stdoutPath: out, stderrPath: err });
    expect(r.argv.slice(1)).toEqual(['--root', join(dir, 'state'), 'create', '--bundle', '/b', '--pid-file', '/p', 'cid']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('created /p\n');
    expect(r.stderr).toBe('warn: create\n');
    expect(await readFile(out, 'utf8')).toBe('created /p\n');
  });

  it('a pipe left open by a child does not keep a call waiting', async () => {
    const r = await driver().start('cid');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('started\n');
  });

  it('kills a call that runs past its timeout and says so', async () => {
    const r = await driver(300).call(['hang']);
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    expect(r.exitCode).toBeNull();
    expect(describeCall(r)).toMatch(/timed out after \d+ ms/);
  });

  it('a timeout kills the whole tree of the call: its child and grandchild too, not only the runtime', async () => {
    const r = await driver(5000).call(['tree']);
    expect(r.stdout).toBe('ready\n'); // both descendants were running when the timeout came
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    const tree = (await readFile(join(dir, 'tree'), 'utf8')).split('\n').filter(Boolean).map(Number);
    expect(tree).toHaveLength(2);
    await expect.poll(() => tree.filter(alive)).toEqual([]);
  });

  it('create appends to the container files and records only what this call wrote', async () => {
    const out = join(dir, 'again.out');
    const err = join(dir, 'again.err');
    await writeFile(out, 'earlier line\n');
    await writeFile(err, 'earlier error\n');
    const r = await driver().create('cid2', '/b2', { pidFile: '/p2', stdoutPath: out, stderrPath: err });
    expect(r.stdout).toBe('created /p2\n');
    expect(r.stderr).toBe('warn: create\n');
    expect(await readFile(out, 'utf8')).toBe('earlier line\ncreated /p2\n');
    expect(await readFile(err, 'utf8')).toBe('earlier error\nwarn: create\n');
  });

  it('create into files that cannot be opened records the failure instead of throwing', async () => {
    const calls: unknown[] = [];
    const d = new RuntimeDriver({ binary: join(dir, 'fake'), profile: profileFor('fake'), timeoutMs: 20_000, onCall: (c) => calls.push(c) });
    const r = await d.create('cid3', '/b3', { stdoutPath: join(dir, 'no', 'such', 'dir', 'out') });
    expect(r.spawnError).toBe('ENOENT');
    expect(succeeded(r)).toBe(false);
    expect(calls).toEqual([r]);
  });

  it('other calls collect stdout and stderr from pipes, untrimmed', async () => {
    const r = await driver().call(['say', 'hi']);
    expect(r).toMatchObject({ exitCode: 0, signal: null, stdout: 'said hi\n', stderr: 'err hi\n', timedOut: false });
    expect(r.spawnError).toBeUndefined();
    expect(r.durationMs).toBeGreaterThan(0);
  });

  it('records a binary that does not exist', async () => {
    const d = new RuntimeDriver({ binary: join(dir, 'missing'), profile: profileFor('x'), timeoutMs: 1000 });
    const r = await d.state('x');
    expect(r.spawnError).toBe('ENOENT');
    expect(r.exitCode).toBeNull();
    expect(succeeded(r)).toBe(false);
  });

  it('real runc: features is JSON, state of an unknown id fails', async () => {
    const d = new RuntimeDriver({ binary: '/usr/bin/runc', profile: profileFor('/usr/bin/runc'), stateRoot: join(dir, 'runc-state'), timeoutMs: 20_000 });
    const f = await d.features();
    expect(f.exitCode).toBe(0);
    expect(JSON.parse(f.stdout).ociVersionMin).toBe('1.0.0');
    const s = await d.state('no-such-container');
    expect(s.exitCode).not.toBe(0);
    expect(s.stderr).toMatch(/not exist/);
  });

  it('parses a state document leniently', () => {
    expect(parseState('{"ociVersion":"1.0.2","id":"a","status":"created","pid":7,"bundle":"/b","annotations":{"k":"v","n":1}}')).toMatchObject({
      id: 'a',
      status: 'created',
      pid: 7,
      bundle: '/b',
      annotations: { k: 'v' },
    });
    expect(parseState('nope')).toBeUndefined();
    expect(parseState('[1]')).toBeUndefined();
    expect(parseState('{"pid":"7"}')?.pid).toBeUndefined();
  });
});
