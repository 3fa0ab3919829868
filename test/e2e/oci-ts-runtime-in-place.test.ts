/**
 * create in place (runtime/create-in-place.ts), end to end through the launcher (bin/oci-ts-runtime.js run as a
 * program; needs root and `npm run build`): for a config with a new pid namespace and nothing that needs the
 * runtime's own namespaces at create, the create command itself, started by the launcher as PID 1 of a new pid
 * namespace (util-linux unshare --fork), becomes the container's init; any other config is made by create.ts's
 * create, whose init is a second Node (dist/oci-ts-runtime-init.cjs). Each way is told apart here by the init's
 * command line. And the launcher's three other outcomes: the command tells it the config is made elsewhere after
 * the launcher guessed otherwise; a failure with something made is cleaned up by the launcher's second run; the
 * command killed before it told anything. Every test's containers are deleted with --force and afterEach asserts
 * that nothing of them remains (the kit's leftover scan).
 */
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContainerRecord } from '../../runtime/store.js';
import { BIN, proc, skipReason, startCli, stillThere, useScratch, waitFor, type Run } from './oci-ts-runtime-kit.js';

const SKIP = skipReason();
const USERNS = { containerID: 0, hostID: 100000, size: 65536 };

/** The file's places and the test's; every test's containers are deleted and the test checked for leftovers after it. */
const sc = useScratch('oci-ts-in-place-');
const { cli, bundle } = sc;

const record = (id: string): ContainerRecord => JSON.parse(readFileSync(join(sc.root, id, 'container.json'), 'utf8')) as ContainerRecord;
const cmdline = (pid: number): string => readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
const statusField = (pid: number, name: string): string =>
  readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`))!
    .slice(name.length + 1)
    .trim();
const parentOf = (pid: number): number => Number(statusField(pid, 'PPid'));
const comm = (pid: number): string => readFileSync(`/proc/${pid}/comm`, 'utf8').trim();

/** The processes whose command line names `path` (a dead one's is empty), with it. */
const naming = (path: string): string[] =>
  readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map((p) => `${p}: ${cmdlineOr(Number(p))}`)
    .filter((line) => line.includes(path));
const cmdlineOr = (pid: number): string => {
  try {
    return cmdline(pid);
  } catch {
    return '';
  }
};

/** create, expected to work; the container's pid (state), also held in the namespace watch. */
async function created(id: string, b: string): Promise<{ run: Run; pid: number }> {
  sc.ids.add(id);
  const run = await cli('create', '--bundle', b, id);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const s = JSON.parse((await cli('state', id)).stdout) as { status: string; pid: number };
  expect(s.status).toBe('created');
  sc.watched.add(s.pid);
  return { run, pid: s.pid };
}

describe.skipIf(SKIP !== undefined)(`create in place${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  it('a new pid namespace: the create command is the init, PID 1 there under unshare --fork; start, kill, delete as usual', async () => {
    const b = await bundle('here');
    const { run, pid } = await created('here', b);
    // the command line the launcher gave the create command, now the init's
    expect(cmdline(pid)).toBe(`node ${BIN} --root ${sc.root} create --bundle ${b} here`);
    expect(statusField(pid, 'NSpid').split(/\s+/)).toEqual([String(pid), '1']);
    expect(comm(parentOf(pid))).toBe('unshare');
    // the record names no creator process that still runs (the launcher has exited), the lock is released
    expect(record('here')).toMatchObject({ created: true, pid });
    expect(readdirSync(join(sc.root, 'here')).sort()).toEqual(['config.json', 'container.json', 'exec.done', 'exec.fifo']);
    // descriptors 0-2 only, once the program runs
    expect(await cli('start', 'here')).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(`/proc/${pid}/fd`).sort()).toEqual(['0', '1', '2']);
    // create's own stdout and stderr (the launcher's stderr came to the command as fd 6)
    const createErr = run.stdoutFile.replace(/\.out$/, '.err');
    expect([readlinkSync(`/proc/${pid}/fd/1`), readlinkSync(`/proc/${pid}/fd/2`)]).toEqual([run.stdoutFile, createErr]);
    expect(cmdline(pid)).toBe('/bin/sleep 1000');
    expect(await cli('kill', 'here', 'KILL')).toMatchObject({ code: 0, stderr: '' });
    await waitFor('the container to stop', () => !existsSync(`/proc/${pid}`) || statusField(pid, 'State').startsWith('Z'));
    expect(await cli('delete', 'here')).toMatchObject({ code: 0, stderr: '' });
    // unshare, the container's parent, saw it killed by SIGKILL and wrote nothing to create's stderr
    expect(readFileSync(createErr, 'utf8')).toBe('');
    expect(existsSync(join(sc.root, 'here'))).toBe(false);
  });

  it("a pid namespace joined by path: the launcher's guess says in place, the command says otherwise before anything exists, create.ts makes it", async () => {
    const b = await bundle('joined', (c) => c.withNamespace('pid', `/proc/${process.pid}/ns/pid`));
    const { pid } = await created('joined', b);
    expect(cmdline(pid)).toContain(join('dist', 'oci-ts-runtime-init.cjs'));
    expect(readFileSync(`/proc/${pid}/status`, 'utf8')).toMatch(new RegExp(`^NSpid:\\s+${pid}$`, 'm'));
  });

  it('a user namespace: the launcher sends it to create.ts at once (util-linux enters it)', async () => {
    const b = await bundle('userns', (c) => c.withNamespace('user').withUidMappings(USERNS).withGidMappings(USERNS));
    const { pid } = await created('userns', b);
    expect(cmdline(pid)).toContain(join('dist', 'oci-ts-runtime-init.cjs'));
    expect(readFileSync(`/proc/${pid}/uid_map`, 'utf8').trim().split(/\s+/)).toEqual(['0', '100000', '65536']);
  });

  it("a failure after the cgroups were made: one line, the poststop hooks once, and the launcher's second run removes everything", async () => {
    const log = join(sc.dir, 'poststop.log');
    const b = await bundle('fails', (c) =>
      c
        .withHook('createContainer', { path: '/bin/sh', args: ['sh', '-c', 'echo the hook says no >&2; exit 3'] })
        .withHook('poststop', { path: '/bin/sh', args: ['sh', '-c', `echo poststop >> ${log}`] }),
    );
    sc.ids.add('fails');
    const r = await cli('create', '--bundle', b, 'fails');
    expect(r.stderr).toBe('oci-ts-runtime: hook createContainer[0] (/bin/sh) exited with status 3: the hook says no\n');
    expect(r.code).toBe(1);
    expect(readFileSync(log, 'utf8')).toBe('poststop\n');
    expect(existsSync(join(sc.root, 'fails'))).toBe(false);
  });

  it('a failed create returns once its command and unshare are gone, also when a hook left a process behind', async () => {
    // the hook's sleep holds what the hook inherited, the launcher's pipe included: it is in the container's pid
    // namespace, which ends with the command (its PID 1), so the launcher's read to the pipe's end does not wait for it
    const hooked = await bundle('gone', (c) => c.withHook('createContainer', { path: '/bin/sh', args: ['sh', '-c', 'sleep 1000 > /dev/null 2>&1 & exit 3'] }));
    const early = await bundle('badid');
    for (let i = 0; i < 5; i++) {
      sc.ids.add('gone');
      expect(await cli('create', '--bundle', hooked, 'gone')).toMatchObject({ code: 1 });
      expect(naming(hooked)).toEqual([]);
      expect(existsSync(join(sc.root, 'gone'))).toBe(false);
      expect(await cli('create', '--bundle', early, '.hidden')).toMatchObject({ code: 1 });
      expect(naming(early)).toEqual([]);
    }
  });

  it('--log gets the error of a failure past pivot_root, where the path of the log is no longer reachable', async () => {
    const log = join(sc.dir, 'runtime.log');
    const b = await bundle('nolog', (c) => c.withArgs('/nope/missing'));
    sc.ids.add('nolog');
    const r = await cli('--log', log, '--log-format', 'json', 'create', '--bundle', b, 'nolog');
    expect(r.stderr).toBe('oci-ts-runtime: process.args[0] /nope/missing: no executable file at that path in the container\n');
    expect(r.code).toBe(1);
    const lines = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { level: string; msg: string });
    expect(lines.map((l) => [l.level, l.msg])).toEqual([['error', 'process.args[0] /nope/missing: no executable file at that path in the container']]);
    expect(existsSync(join(sc.root, 'nolog'))).toBe(false);
  });

  it('the create command killed before it told anything: the launcher says so in one line; the container is stopped and delete removes the rest', async () => {
    const marker = join(sc.dir, 'hook-ran');
    const b = await bundle('killed', (c) => c.withHook('createContainer', { path: '/bin/sh', args: ['sh', '-c', `touch ${marker}; exec sleep 300`] }));
    sc.ids.add('killed');
    const run = startCli(sc.dir, sc.root, ['create', '--bundle', b, 'killed']);
    await waitFor('the createContainer hook to run', () => existsSync(marker));
    // the create command: the node process under unshare whose command line is this create's
    const command = await waitFor('the create command', () =>
      readdirSync('/proc')
        .filter((n) => /^\d+$/.test(n))
        .map(Number)
        .find((p) => {
          try {
            return cmdline(p).endsWith(`create --bundle ${b} killed`) && comm(parentOf(p)) === 'unshare';
          } catch {
            return false;
          }
        }),
    );
    const held = proc(command)!;
    sc.watched.add(command);
    process.kill(command, 'SIGKILL');
    const r = await run.done;
    // (util-linux unshare, whose child was killed by a signal it can't raise on itself, says so on its /dev/null)
    expect(r.stderr).toBe('oci-ts-runtime: create ended without telling its outcome (killed, or Node failed to start)\n');
    expect(r.code).toBe(1);
    expect(stillThere(held)).toBe(false);
    // the hook was in the command's pid namespace: it went with its PID 1
    expect(JSON.parse((await cli('state', 'killed')).stdout)).toMatchObject({ status: 'stopped' });
    expect(await cli('delete', 'killed')).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(join(sc.root, 'killed'))).toBe(false);
  });
});
