/**
 * oci-ts-runtime end to end (needs root and `npm run build`): the built CLI
 * with its own --root makes real containers from the busybox fixture rootfs.
 * The lifecycle and its state documents (checked by our own validator), each
 * operation refused in a wrong status with one line and nothing changed,
 * features, run, the pid file, a terminal over --console-socket, a user
 * namespace; that nothing is left behind after `delete --force` or after the
 * runtime is killed in the middle of create; and security facts (the
 * container's descriptors, the runtime's own binary, cwd through
 * /proc/self/fd). Every test's containers are deleted with --force and its
 * files removed in afterEach, which then asserts that nothing of it remains.
 */
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConsoleSocket, receiverProblem, type ConsoleSocket } from '../../harness/console-socket.js';
import { ConfigBuilder } from '../../fixtures/config.js';
import type { RecordedCgroup } from '../../runtime/cgroups/index.js';
import type { ContainerRecord } from '../../runtime/store.js';
import { validateDocument } from '../../validators/document.js';
import { leftovers, namespacesOf, proc, skipReason, startCli, stillThere, useScratch, waitFor, type Leftover, type Proc, type Run } from './oci-ts-runtime-kit.js';

const SKIP = skipReason();
const HOOK_KINDS = ['prestart', 'createRuntime', 'createContainer', 'startContainer', 'poststart', 'poststop'];
const NAMESPACES = ['cgroup', 'ipc', 'mount', 'network', 'pid', 'time', 'user', 'uts'];
const USERNS = { containerID: 0, hostID: 100000, size: 65536 };

/** Extra processes a test started (hooks) and its console sockets: ended and closed after it, before the scan. */
let extra: Proc[] = [];
let sockets: ConsoleSocket[] = [];

/** The file's places and the test's; every test's containers are deleted and the test checked for leftovers after it. */
const sc = useScratch('oci-ts-e2e-', () => {
  for (const socket of sockets) socket.close();
  for (const p of extra) if (stillThere(p)) process.kill(p.pid, 'SIGKILL');
  extra = [];
  sockets = [];
});
const { cli, bundle } = sc;

/** create, expected to work. */
async function create(id: string, b: string, ...more: string[]): Promise<Run> {
  sc.ids.add(id);
  const r = await cli('create', '--bundle', b, ...more, id);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
}

interface StateDoc {
  ociVersion: string;
  id: string;
  status: string;
  pid?: number;
  bundle: string;
  annotations?: Record<string, string>;
}

/** `state`, checked by our own validator. */
async function state(id: string): Promise<StateDoc> {
  const r = await cli('state', id);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const v = await validateDocument('state.json', r.stdout, { kind: 'state' });
  expect(v.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return JSON.parse(r.stdout) as StateDoc;
}

/** A failure that is one line on stderr without a stack, and exit status `code`. */
function oneLine(r: Run, message: string | RegExp, code = 1): void {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^oci-ts-runtime: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  if (typeof message === 'string') expect(r.stderr).toBe(`oci-ts-runtime: ${message}\n`);
  else expect(r.stderr).toMatch(message);
}

const record = (id: string): ContainerRecord => JSON.parse(readFileSync(join(sc.root, id, 'container.json'), 'utf8')) as ContainerRecord;
const cgroupsOf = (rec: ContainerRecord): RecordedCgroup[] => [...((rec.cgroups as { cgroups: RecordedCgroup[] } | undefined)?.cgroups ?? [])];
const procsIn = (cgs: readonly RecordedCgroup[]): number[] => [
  ...new Set(cgs.flatMap((c) => readFileSync(join(c.dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number))),
];
const mountsUnder = (d: string): string[] =>
  readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[4] ?? '')
    .filter((p) => p === d || p.startsWith(`${d}/`));

/** Polls `state` until the status is `status`. */
async function until(id: string, status: string): Promise<StateDoc> {
  const end = Date.now() + 30_000;
  for (;;) {
    const s = await state(id);
    if (s.status === status) return s;
    if (Date.now() > end) throw new Error(`${id} stayed ${s.status}, expected ${status}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}


describe.skipIf(SKIP !== undefined)(`oci-ts-runtime CLI${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  describe('lifecycle', () => {
    it('create → created with a pid; start → running; kill by name → stopped; delete → gone', async () => {
      const b = await bundle('life', (c) => c.withAnnotation('org.example.key', 'value'));
      await create('life', b);
      const created = await state('life');
      expect(created).toEqual({ ociVersion: '1.2.0', id: 'life', status: 'created', pid: created.pid, bundle: b, annotations: { 'org.example.key': 'value' } });
      expect(created.pid).toBeGreaterThan(1);
      expect(proc(created.pid!)).toBeDefined();
      expect(await cli('start', 'life')).toMatchObject({ code: 0, stderr: '' });
      const running = await state('life');
      expect(running).toMatchObject({ status: 'running', pid: created.pid });
      // the program runs now: the container's pid is the sleep, exec'd in place of the init
      expect(readFileSync(`/proc/${created.pid}/cmdline`, 'utf8')).toBe('/bin/sleep\u00001000\u0000');
      expect(await cli('kill', 'life', 'KILL')).toMatchObject({ code: 0, stderr: '' });
      const s = await until('life', 'stopped');
      expect(s).not.toHaveProperty('pid');
      expect(await cli('delete', 'life')).toMatchObject({ code: 0, stderr: '' });
      oneLine(await cli('state', 'life'), 'container life does not exist');
      expect(existsSync(join(sc.root, 'life'))).toBe(false);
    });

    it('kill by number delivers that signal to the container process', async () => {
      const b = await bundle('signal', (c) => c.withScript('trap "echo USR1 > /tmp/got; exit 0" USR1; touch /tmp/ready; while :; do sleep 1000 & wait; done'));
      await create('signal', b);
      await cli('start', 'signal');
      await waitFor('the trap to be set', () => existsSync(join(b, 'rootfs/tmp/ready')));
      expect(await cli('kill', 'signal', '10')).toMatchObject({ code: 0, stderr: '' });
      await until('signal', 'stopped');
      expect(readFileSync(join(b, 'rootfs/tmp/got'), 'utf8')).toBe('USR1\n');
    });

    it('kill with SIG-prefixed and plain names, and a created container can be killed', async () => {
      const b = await bundle('killc');
      await create('killc', b);
      expect(await cli('kill', 'killc', 'SIGKILL')).toMatchObject({ code: 0, stderr: '' });
      await until('killc', 'stopped');
      expect(await cli('delete', 'killc')).toMatchObject({ code: 0, stderr: '' });
    });

    it('the default signal is SIGTERM', async () => {
      const b = await bundle('term', (c) => c.withScript('trap "echo TERM > /tmp/got; exit 0" TERM; touch /tmp/ready; while :; do sleep 1000 & wait; done'));
      await create('term', b);
      await cli('start', 'term');
      await waitFor('the trap to be set', () => existsSync(join(b, 'rootfs/tmp/ready')));
      expect(await cli('kill', 'term')).toMatchObject({ code: 0, stderr: '' });
      await until('term', 'stopped');
      expect(readFileSync(join(b, 'rootfs/tmp/got'), 'utf8')).toBe('TERM\n');
    });

    it('a program that exits on its own leaves the container stopped, and delete works without --force', async () => {
      const b = await bundle('exits', (c) => c.withScript('echo out-of-the-container'));
      const r = await create('exits', b);
      await cli('start', 'exits');
      await until('exits', 'stopped');
      expect(readFileSync(r.stdoutFile, 'utf8')).toBe('out-of-the-container\n');
      expect(await cli('delete', 'exits')).toMatchObject({ code: 0, stderr: '' });
    });

    it('--pid-file gets the container pid (relative to the working directory)', async () => {
      const b = await bundle('pidf');
      await create('pidf', b, '--pid-file', 'sub/pid');
      const s = await state('pidf');
      expect(readFileSync(join(sc.dir, 'sub/pid'), 'utf8').trim()).toBe(String(s.pid));
      expect(existsSync(join(sc.dir, 'sub/pid.tmp'))).toBe(false);
    });

    it('run creates, starts, waits for the exit and deletes', async () => {
      const b = await bundle('runner', (c) => c.withScript('echo hello-from-run; cat /proc/self/cgroup | grep -c . > /dev/null'));
      sc.ids.add('runner');
      const r = await cli('run', '--bundle', b, '--pid-file', join(sc.dir, 'run.pid'), 'runner');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('hello-from-run\n');
      expect(Number(readFileSync(join(sc.dir, 'run.pid'), 'utf8'))).toBeGreaterThan(1);
      oneLine(await cli('state', 'runner'), 'container runner does not exist');
    });
  });

  describe('refusals: one line, nothing changed', () => {
    it('delete of a created container fails and it stays created', async () => {
      const b = await bundle('keep');
      await create('keep', b);
      const before = await state('keep');
      oneLine(await cli('delete', 'keep'), 'container keep is created: delete needs a stopped container (or --force)');
      expect(await state('keep')).toEqual(before);
      expect(proc(before.pid!)).toBeDefined();
      // and start still works: nothing was taken away
      expect(await cli('start', 'keep')).toMatchObject({ code: 0, stderr: '' });
      expect((await state('keep')).status).toBe('running');
    });

    it('start twice: the second fails and the container keeps running', async () => {
      const b = await bundle('twice');
      await create('twice', b);
      await cli('start', 'twice');
      const before = await state('twice');
      oneLine(await cli('start', 'twice'), 'container twice is running: start needs a created container');
      expect(await state('twice')).toEqual(before);
      oneLine(await cli('delete', 'twice'), 'container twice is running: delete needs a stopped container (or --force)');
      expect(await state('twice')).toEqual(before);
    });

    it('create with a taken id fails and the first container is untouched', async () => {
      const b = await bundle('taken');
      const other = await bundle('taken2', (c) => c.withArgs('/bin/sh', '-c', 'touch /tmp/i-ran; sleep 1000'));
      await create('taken', b);
      const before = await state('taken');
      const rec = readFileSync(join(sc.root, 'taken', 'container.json'), 'utf8');
      const r = await cli('create', '--bundle', other, 'taken');
      oneLine(r, 'container taken already exists');
      expect(await state('taken')).toEqual(before);
      expect(readFileSync(join(sc.root, 'taken', 'container.json'), 'utf8')).toBe(rec);
      expect(existsSync(join(other, 'rootfs/tmp/i-ran'))).toBe(false);
    });

    it('a stopped container: kill and start fail, state stays stopped', async () => {
      const b = await bundle('gone');
      await create('gone', b);
      await cli('kill', 'gone', '9');
      await until('gone', 'stopped');
      oneLine(await cli('kill', 'gone', 'KILL'), 'container gone is stopped: kill needs a created or running container');
      oneLine(await cli('start', 'gone'), 'container gone is stopped: start needs a created container');
      expect((await state('gone')).status).toBe('stopped');
    });

    it('an unknown signal fails and changes nothing', async () => {
      const b = await bundle('sig');
      await create('sig', b);
      const before = await state('sig');
      oneLine(await cli('kill', 'sig', 'SIGNOPE'), 'unknown signal "SIGNOPE"');
      oneLine(await cli('kill', 'sig', '0'), 'unknown signal "0"');
      expect(await state('sig')).toEqual(before);
    });

    it('operations on a missing container and invalid ids', async () => {
      for (const op of ['state', 'start', 'delete']) oneLine(await cli(op, 'missing'), 'container missing does not exist');
      oneLine(await cli('kill', 'missing', 'KILL'), 'container missing does not exist');
      oneLine(await cli('state', '../escape'), 'invalid container id "../escape": letters, digits and _ . + - only');
      const b = await bundle('badid');
      oneLine(await cli('create', '--bundle', b, '.hidden'), /^oci-ts-runtime: invalid container id "\.hidden"/);
      expect(existsSync(sc.root) ? readdirSync(sc.root) : []).toEqual([]);
    });

    it('create fails before anything exists for a bad bundle', async () => {
      oneLine(await cli('create', '--bundle', join(sc.dir, 'nowhere'), 'nob'), `${join(sc.dir, 'nowhere', 'config.json')}: no such file (is --bundle the bundle directory?)`);
      const b = await bundle('badver', (c) => c.withOciVersion('2.0.0'));
      oneLine(await cli('create', '--bundle', b, 'badver'), `${join(b, 'config.json')}: ociVersion 2.0.0: this runtime implements runtime-spec 1.x`);
      const t = await bundle('term0', (c) => c.withTerminal());
      oneLine(await cli('create', '--bundle', t, 'term0'), 'process.terminal is true: --console-socket is required');
      const nt = await bundle('noterm');
      oneLine(await cli('create', '--bundle', nt, '--console-socket', join(sc.dir, 'nosock'), 'noterm'), '--console-socket was given but process.terminal is not true');
      expect(existsSync(sc.root) ? readdirSync(sc.root) : []).toEqual([]);
    });

    it('usage errors exit 2 with the message first', async () => {
      for (const [args, first] of [
        [['frob'], 'oci-ts-runtime: unknown command frob'],
        [['create', '--frob', 'x'], 'oci-ts-runtime: unknown option --frob'],
        [['--frob', 'state', 'x'], 'oci-ts-runtime: unknown global option --frob'],
        [['start'], 'oci-ts-runtime: start: a container id is required'],
        [['state', 'a', 'b'], 'oci-ts-runtime: state: unexpected argument b'],
        [['create', 'x', '--bundle'], 'oci-ts-runtime: option --bundle needs a value'],
        [[], 'oci-ts-runtime: a command is required'],
      ] as const) {
        const r = await cli(...args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr.split('\n')[0]).toBe(first);
        expect(r.stderr).toContain('usage: oci-ts-runtime');
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    });
  });

  describe('features', () => {
    it('is a valid features document listing exactly the six hooks and eight namespaces', async () => {
      const r = await cli('features');
      expect(r).toMatchObject({ code: 0, stderr: '' });
      const v = await validateDocument('features.json', r.stdout, { kind: 'features' });
      expect(v.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const f = JSON.parse(r.stdout) as { hooks: string[]; linux: { namespaces: string[] } };
      expect([...f.hooks].sort()).toEqual([...HOOK_KINDS].sort());
      expect([...f.linux.namespaces].sort()).toEqual(NAMESPACES);
    });

    it('every hook kind it lists runs, in the order of the lifecycle', async () => {
      // the log is the rootfs's /tmp/hooks.log: at its host path for the hooks run outside the container's root
      const logHost = join(sc.dir, 'hooks', 'rootfs/tmp/hooks.log');
      const b = await bundle('hooks', (c) =>
        HOOK_KINDS.reduce((x, kind) => x.withHook(kind as never, { path: '/bin/sh', args: ['sh', '-c', `echo ${kind} >> "$1"`, 'sh', kind === 'startContainer' ? '/tmp/hooks.log' : logHost] }), c),
      );
      await create('hooks', b);
      expect(readFileSync(logHost, 'utf8')).toBe('prestart\ncreateRuntime\ncreateContainer\n');
      await cli('start', 'hooks');
      expect(readFileSync(logHost, 'utf8')).toBe('prestart\ncreateRuntime\ncreateContainer\nstartContainer\npoststart\n');
      expect(await cli('delete', '--force', 'hooks')).toMatchObject({ code: 0, stderr: '' });
      expect(readFileSync(logHost, 'utf8')).toBe(HOOK_KINDS.map((k) => `${k}\n`).join(''));
    });

    it('hooks that exit without reading the state neither end the init nor fail (40 of them: the race was one in three)', async () => {
      const b = await bundle('quick', (c) => {
        let x = c;
        for (let i = 0; i < 20; i++) x = x.withHook('createContainer', { path: '/bin/true', args: ['true'] }).withHook('startContainer', { path: '/bin/true', args: ['true'] });
        return x;
      });
      await create('quick', b);
      expect(await cli('start', 'quick')).toMatchObject({ code: 0, stderr: '' });
      expect((await state('quick')).status).toBe('running');
    });

    it('every namespace it lists is made: the container process is in a new one of each type', async () => {
      const b = await bundle('allns', (c) =>
        ['cgroup', 'time', 'user']
          .reduce((x, t) => x.withNamespace(t as never), c)
          .withUidMappings(USERNS)
          .withGidMappings(USERNS),
      );
      await create('allns', b);
      await cli('start', 'allns');
      const { pid } = await state('allns');
      const theirs = namespacesOf(pid!);
      sc.watched.add(pid!);
      const ours = namespacesOf(process.pid);
      expect(theirs).toHaveLength(8);
      expect(theirs.filter((n) => ours.includes(n))).toEqual([]);
    });
  });

  describe('terminal and user namespace', () => {
    it.skipIf(receiverProblem() !== undefined)('process.terminal: the pty master comes over --console-socket and the program has a terminal', async () => {
      const b = await bundle('tty', (c) => c.withTerminal().withScript('tty; [ -t 0 ] && [ -t 1 ] && echo is-a-tty; stty size').edit((d) => void ((d.process as Record<string, unknown>).consoleSize = { height: 33, width: 101 })));
      const sock = join(sc.dir, 'console.sock');
      const out = join(sc.dir, 'console.out');
      sockets.push(openConsoleSocket(sock, out, 60));
      await create('tty', b, '--console-socket', sock);
      await cli('start', 'tty');
      await until('tty', 'stopped');
      const text = await waitFor('the terminal output', () => {
        const t = existsSync(out) ? readFileSync(out, 'utf8') : '';
        return t.includes('33 101') ? t : undefined;
      });
      expect(text.replace(/\r/g, '')).toMatch(/^\/dev\/pts\/\d+\nis-a-tty\n33 101\n$/);
    });

    it('a user namespace: uid 0 inside is 100000 outside, and the mapping is 0 100000 65536', async () => {
      const b = await bundle('userns', (c) =>
        c
          .withNamespace('user')
          .withUidMappings(USERNS)
          .withGidMappings(USERNS)
          .withScript('echo "uid=$(id -u) gid=$(id -g)"; exec sleep 1000'),
      );
      const r = await create('userns', b);
      await cli('start', 'userns');
      const { pid } = await state('userns');
      sc.watched.add(pid!);
      await waitFor('the program to print', () => readFileSync(r.stdoutFile, 'utf8').includes('\n'));
      expect(readFileSync(r.stdoutFile, 'utf8')).toBe('uid=0 gid=0\n');
      expect(readFileSync(`/proc/${pid}/uid_map`, 'utf8').trim().split(/\s+/)).toEqual(['0', '100000', '65536']);
      expect(readFileSync(`/proc/${pid}/gid_map`, 'utf8').trim().split(/\s+/)).toEqual(['0', '100000', '65536']);
      expect(statSync(`/proc/${pid}`).uid).toBe(100000);
      expect(readFileSync(`/proc/${pid}/status`, 'utf8')).toMatch(/^NSpid:\s+\d+\s+1$/m);
    });
  });

  describe('nothing left behind', () => {
    async function checkGone(id: string, what: { procs: Proc[]; cgroups: RecordedCgroup[]; bundle: string }): Promise<void> {
      for (const p of what.procs) expect(stillThere(p), `process ${p.pid}`).toBe(false);
      for (const c of what.cgroups) for (const d of c.created) expect(existsSync(d), d).toBe(false);
      expect(mountsUnder(what.bundle)).toEqual([]);
      expect(existsSync(join(sc.root, id))).toBe(false);
      expect(leftovers(sc.dir, sc.root, sc.watched).filter((l: Leftover) => l.what !== 'process' || !extra.some((p) => p.pid === l.pid))).toEqual([]);
    }

    it.each([
      ['with a pid namespace', 'force-pidns', (c: ConfigBuilder) => c],
      ['sharing the host pid namespace', 'force-hostpid', (c: ConfigBuilder) => c.edit((d) => void ((d.linux as { namespaces: { type: string }[] }).namespaces = (d.linux as { namespaces: { type: string }[] }).namespaces.filter((n) => n.type !== 'pid')))],
      ['in a user namespace', 'force-userns', (c: ConfigBuilder) => c.withNamespace('user').withUidMappings(USERNS).withGidMappings(USERNS)],
    ])('delete --force of a running container %s: no process, cgroup, mount or state dir', async (_, id, edit) => {
      // a child in the background too, that the program does not wait for
      const b = await bundle(id, (c) => edit(c).withScript('sleep 1001 & exec sleep 1000'));
      await create(id, b);
      await cli('start', id);
      const rec = record(id);
      const cgroups = cgroupsOf(rec);
      expect(cgroups.length).toBeGreaterThan(0);
      for (const c of cgroups) expect(existsSync(c.dir)).toBe(true);
      const inside = await waitFor('both processes in the cgroups', () => {
        const p = procsIn(cgroups);
        return p.length >= 2 ? p : undefined;
      });
      const procs = inside.map(proc).filter((p): p is Proc => p !== undefined);
      for (const p of inside) sc.watched.add(p);
      expect(await cli('delete', '--force', id)).toMatchObject({ code: 0, stderr: '' });
      await checkGone(id, { procs, cgroups, bundle: b });
    });

    it.each([
      ['delete', 'mid-plain', (c: ConfigBuilder) => c],
      ['delete --force', 'mid-userns', (c: ConfigBuilder) => c.withNamespace('user').withUidMappings(USERNS).withGidMappings(USERNS)],
    ])('SIGKILL of create while a createRuntime hook runs, then %s: the init goes on its own, then nothing is left', async (how, id, edit) => {
      const hookState = join(sc.dir, `${id}.state`);
      const hookPid = join(sc.dir, `${id}.hookpid`);
      const b = await bundle(id, (c) =>
        edit(c).withHook('createRuntime', { path: '/bin/sh', args: ['sh', '-c', `cat > ${hookState}; echo $$ > ${hookPid}.tmp; mv ${hookPid}.tmp ${hookPid}; exec sleep 300`] }),
      );
      sc.ids.add(id);
      const run = startCli(sc.dir, sc.root, ['create', '--bundle', b, id]);
      const hook = await waitFor('the hook to run', () => (existsSync(hookPid) ? proc(Number(readFileSync(hookPid, 'utf8'))) : undefined));
      extra.push(hook);
      const creator = proc(run.child.pid!)!;
      const hookSaw = JSON.parse(readFileSync(hookState, 'utf8')) as StateDoc;
      expect(hookSaw.status).toBe('creating');
      const init = proc(hookSaw.pid!)!;
      expect(init).toBeDefined();
      sc.watched.add(init.pid);
      const rec = record(id);
      const cgroups = cgroupsOf(rec);
      expect(procsIn(cgroups)).toContain(init.pid);
      // while create runs: state says creating (state takes no lock), kill is refused
      expect(await state(id)).toEqual({ ociVersion: '1.2.0', id, status: 'creating', bundle: b });
      oneLine(await cli('kill', id, 'KILL'), `container ${id} is creating: kill needs a created or running container`);
      expect(stillThere(init)).toBe(true);

      run.child.kill('SIGKILL');
      const r = await run.done;
      expect(r.signal).toBe('SIGKILL');
      expect(stillThere(creator)).toBe(false);

      // the init sees its channel close and exits by itself
      await waitFor(`the init ${init.pid} to exit`, () => !stillThere(init));
      // what remains before any delete: the state dir (the record of an unfinished create, and the lock the killed
      // create held, which the next command breaks), the cgroup directories (empty), and the hook, which belongs to
      // no container; no process of the container, no mount
      expect(readdirSync(join(sc.root, id)).sort()).toEqual(['config.json', 'container.json', 'exec.done', 'exec.fifo', 'lock']);
      expect(readFileSync(join(sc.root, id, 'lock'), 'utf8')).toMatch(new RegExp(`^${creator.pid} \\d+$`));
      expect(record(id)).toMatchObject({ created: false, creator: creator.pid });
      for (const c of cgroups) expect(existsSync(c.dir), c.dir).toBe(true);
      await waitFor('the cgroups to empty', () => procsIn(cgroups).length === 0);
      expect(mountsUnder(b)).toEqual([]);
      expect(stillThere(hook)).toBe(true);
      const s = await state(id);
      expect(s).toEqual({ ociVersion: '1.2.0', id, status: 'stopped', bundle: b });
      expect(leftovers(sc.dir, sc.root, sc.watched).filter((l) => l.what === 'process' && l.pid !== hook.pid)).toEqual([]);

      expect(await cli(...how.split(' '), id)).toMatchObject({ code: 0, stderr: '' });
      process.kill(hook.pid, 'SIGKILL');
      await waitFor('the hook to go', () => !stillThere(hook));
      await checkGone(id, { procs: [init], cgroups, bundle: b });
    });
  });

  describe('nothing left behind when create fails', () => {
    it.each([
      [
        'a createRuntime hook fails (poststop hooks run)',
        'fail-hook',
        (c: ConfigBuilder, log: string) =>
          c
            .withHook('createRuntime', { path: '/bin/sh', args: ['sh', '-c', 'echo the hook says no >&2; exit 3'] })
            .withHook('poststop', { path: '/bin/sh', args: ['sh', '-c', `echo poststop >> ${log}`] }),
        /^oci-ts-runtime: hook createRuntime\[0\] \(\/bin\/sh\) exited with status 3: the hook says no\n$/,
        'poststop\n',
      ],
      [
        'the program is missing in the container',
        'fail-prog',
        (c: ConfigBuilder) => c.withArgs('/nope/missing'),
        /^oci-ts-runtime: process\.args\[0\] \/nope\/missing: no executable file at that path in the container\n$/,
        undefined,
      ],
      [
        'a mount fails in the container (in a user namespace)',
        'fail-mount',
        (c: ConfigBuilder) =>
          c
            .withNamespace('user')
            .withUidMappings(USERNS)
            .withGidMappings(USERNS)
            .withMount({ destination: '/mnt/x', type: 'nosuchfs', source: 'none' }),
        /^oci-ts-runtime: mounts\[\d+\] \(\/mnt\/x\): .+\n$/,
        undefined,
      ],
    ] as const)('%s: one line, no state dir, cgroup, process or mount', async (_, id, edit, message, poststop) => {
      const log = join(sc.dir, `${id}.log`);
      const b = await bundle(id, (c) => edit(c, log));
      sc.ids.add(id);
      const r = await cli('create', '--bundle', b, id);
      oneLine(r, message);
      expect(existsSync(join(sc.root, id))).toBe(false);
      expect(mountsUnder(b)).toEqual([]);
      expect(existsSync(log) ? readFileSync(log, 'utf8') : undefined).toBe(poststop);
      // afterEach checks the cgroups and processes of the run
    });
  });

  describe('nothing left behind when create is killed inside the container', () => {
    it('SIGKILL of create while a createContainer hook runs in the container, then delete: the init and the hook go with the cgroups', async () => {
      const hookPid = join(sc.dir, 'cc.hookpid');
      const b = await bundle('mid-cc', (c) =>
        c.withHook('createContainer', { path: '/bin/sh', args: ['sh', '-c', `echo $$ > ${hookPid}.tmp; mv ${hookPid}.tmp ${hookPid}; exec sleep 300`] }),
      );
      sc.ids.add('mid-cc');
      const run = startCli(sc.dir, sc.root, ['create', '--bundle', b, 'mid-cc']);
      let procs: Proc[];
      let cgroups: ReturnType<typeof cgroupsOf>;
      try {
        await waitFor('the hook to run', () => existsSync(hookPid));
        cgroups = cgroupsOf(record('mid-cc'));
        // the init and its hook, alone in the container's cgroups once the hook's shell has become sleep (a moment
        // earlier the mv it ran may still be there)
        const comm = (pid: number): string | undefined => {
          try {
            return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
          } catch {
            return undefined;
          }
        };
        const inside = await waitFor('the init and its hook (sleep), alone in the cgroups', () => {
          const pids = procsIn(cgroups);
          return pids.length === 2 && pids.some((p) => comm(p) === 'sleep') ? pids : undefined;
        });
        procs = inside.map(proc).filter((p): p is Proc => p !== undefined);
        for (const p of inside) sc.watched.add(p);
      } finally {
        // create holds the container's lock while its hook runs: it must go, or afterEach's delete would wait for it
        run.child.kill('SIGKILL');
      }
      expect((await run.done).signal).toBe('SIGKILL');
      // the init waits for its hook, so it is still there: only delete ends it
      for (const p of procs) expect(stillThere(p)).toBe(true);
      expect((await state('mid-cc')).status).toBe('stopped');
      expect(await cli('delete', 'mid-cc')).toMatchObject({ code: 0, stderr: '' });
      for (const p of procs) expect(stillThere(p), `process ${p.pid}`).toBe(false);
      for (const c of cgroups) for (const d of c.created) expect(existsSync(d), d).toBe(false);
      expect(mountsUnder(b)).toEqual([]);
      expect(existsSync(join(sc.root, 'mid-cc'))).toBe(false);
    });
  });

  describe('security', () => {
    it('the container process holds only descriptors 0, 1 and 2, the ones create was given', async () => {
      const b = await bundle('fds');
      const r = await create('fds', b);
      await cli('start', 'fds');
      const { pid } = await state('fds');
      expect(readdirSync(`/proc/${pid}/fd`).sort()).toEqual(['0', '1', '2']);
      expect(readlinkSync(`/proc/${pid}/fd/0`)).toBe('/dev/null');
      expect(readlinkSync(`/proc/${pid}/fd/1`)).toBe(r.stdoutFile);
    });

    it("process.args /proc/self/exe (the runtime's own binary) is refused at create, leaving nothing", async () => {
      const b = await bundle('selfexe', (c) => c.withArgs('/proc/self/exe', '-e', 'console.log(1)'));
      sc.ids.add('selfexe');
      oneLine(await cli('create', '--bundle', b, 'selfexe'), /^oci-ts-runtime: process\.args\[0\] \/proc\/self\/exe: it is the runtime's own executable \(.+\); a container may not run it\n$/);
      expect(existsSync(join(sc.root, 'selfexe'))).toBe(false);
    });

    it("cwd /proc/<host pid>/cwd (a container sharing the host's pid namespace sees host processes) is refused", async () => {
      const marker = join(sc.dir, 'host-marker');
      writeFileSync(marker, 'host\n');
      const b = await bundle('hostcwd', (c) =>
        c
          .edit((d) => void ((d.linux as { namespaces: { type: string }[] }).namespaces = (d.linux as { namespaces: { type: string }[] }).namespaces.filter((n) => n.type !== 'pid')))
          .withCwd(`/proc/${process.pid}/cwd`)
          .withScript(`cat ${'../'.repeat(40)}${marker.slice(1)} 2>/dev/null || echo not-reached`),
      );
      sc.ids.add('hostcwd');
      const r = await cli('create', '--bundle', b, 'hostcwd');
      oneLine(r, new RegExp(`^oci-ts-runtime: process\\.cwd /proc/${process.pid}/cwd: .*ENOENT`));
      expect(existsSync(join(sc.root, 'hostcwd'))).toBe(false);
    });

    it('cwd /proc/self/fd/<n> never leaves the program in a host directory', async () => {
      const marker = join(sc.dir, 'host-marker');
      writeFileSync(marker, 'host\n');
      const climb = `${'../'.repeat(40)}${marker.slice(1)}`;
      for (const n of [3, 4, 5, 6, 7, 8, 9]) {
        const id = `cwd${n}`;
        const b = await bundle(id, (c) => c.withCwd(`/proc/self/fd/${n}`).withScript(`cat ${climb} 2>/dev/null || echo not-reached`));
        sc.ids.add(id);
        const r = await cli('create', '--bundle', b, id);
        if (r.code !== 0) {
          oneLine(r, new RegExp(`^oci-ts-runtime: process\\.cwd /proc/self/fd/${n}: `));
          continue;
        }
        await cli('start', id);
        await until(id, 'stopped');
        expect(readFileSync(r.stdoutFile, 'utf8'), `cwd /proc/self/fd/${n}`).toBe('not-reached\n');
      }
    });
  });
});
