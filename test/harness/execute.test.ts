import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { executeCase, type ExecEnv, type LoadedCase } from '../../harness/execute.js';
import { Ledger, readLedger } from '../../harness/ledger.js';
import { findRunCgroups, removeCgroupTree, removeTree } from '../../harness/cleanup.js';
import { readCgroupResources } from '../../harness/inspect/cgroup-resources.js';
import { insideScript, type InsideResult } from '../../fixtures/inside.js';
import { defineCase, type CaseDefinition } from '../../harness/model.js';
import { cgroupDirsWith } from '../e2e/conform/leftovers.js';
import { runcExecEnv } from './helpers/runc-env.js';

let dir: string;
let env: ExecEnv;
let ledger: Ledger;
const runId = `ut${randomBytes(3).toString('hex')}`;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-conform-exec-'));
  ({ env, ledger } = await runcExecEnv(dir, runId, 20_000));
});
afterAll(async () => {
  for (const d of await findRunCgroups(env.cgroupPrefix, env.host.cgroups)) await removeCgroupTree(d);
  await removeTree(dir);
  expect(cgroupDirsWith(env.cgroupPrefix)).toEqual([]);
});

/** Pty masters and terminals this process still holds open (the console socket's are ours, in-process). */
function ptyMastersOpen(): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((t) => t === '/dev/ptmx' || t.startsWith('/dev/pts/'));
}

/** Container cgroups still under the run's prefix directories (case cleanup must leave none). */
function containerCgroupsLeft(): string[] {
  return cgroupDirsWith(env.cgroupPrefix).flatMap((d) =>
    readdirSync(d, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(d, e.name)),
  );
}

const run = (d: CaseDefinition): ReturnType<typeof executeCase> => executeCase({ definition: d, file: 'test' } as LoadedCase, `${runId}-${n++}`, env);

describe('executeCase with real runc', () => {
  it('inside view and cgroup read-back pass, and the case leaves no cgroup or directory', async () => {
    const r = await run(
      defineCase({
        id: 'test.inside',
        title: 't',
        requirements: ['RT-START-RUNS-PROCESS'],
        config: (c) => c.withPidsLimit(33).withScript(`sleep 0.3; ${insideScript({ host: 'hostname', uid: 'id -u' }).replace(/\n/g, '\n')}`),
        run: async (ctx) => {
          await ctx.create();
          await ctx.start();
          const seen = await readCgroupResources(await ctx.pid(), ctx.host.cgroups);
          ctx.expectMatch('RT-START-RUNS-PROCESS', 'resources', { pids: { limit: 33 } }, seen);
          expect(containerCgroupsLeft().length).toBeGreaterThan(0); // the check below is not vacuous
          await ctx.waitStopped();
          const inside = JSON.parse(await ctx.readStdout()) as InsideResult<'host' | 'uid'>;
          ctx.expectEqual('RT-START-RUNS-PROCESS', 'inside', { host: 'oci-conform', uid: '0', exit: { host: 0, uid: 0 } }, inside);
        },
      }),
    );
    expect(r.outcome).toEqual({ status: 'pass' });
    const ops = r.calls.map((c) => c.argv[3]);
    expect(ops.slice(0, 2)).toEqual(['create', 'start']);
    expect(ops.at(-1)).toBe('delete');
    expect(new Set(ops.slice(2, -1))).toEqual(new Set(['state']));
    expect(containerCgroupsLeft()).toEqual([]);
    expect(existsSync(join(dir, 'cases', `${runId}-0`))).toBe(false);
    expect(readLedger(ledger.file)?.containers).toContain(`${runId}-0-c`);
  });

  it('a failed create fails the case, charged to the main requirement, with the call and the config as evidence', async () => {
    const r = await run(
      defineCase({
        id: 'test.badcreate',
        title: 't',
        requirements: ['RT-CREATE-NEW-CONTAINER', 'RT-KILL-SENDS-SIGNAL'],
        config: (c) => c.withArgs('/bin/true').withCwd('relative/cwd'),
        run: async (ctx) => {
          await ctx.create();
        },
      }),
    );
    expect(r.outcome.status).toBe('fail');
    if (r.outcome.status !== 'fail') return;
    expect(r.outcome.violations[0]?.requirement).toBe('RT-CREATE-NEW-CONTAINER');
    expect(r.outcome.violations[0]?.message).toMatch(/^create of \S+ failed: `\/usr\/bin\/runc --root \S+ create --bundle/);
    expect(r.configs[0]?.config).toMatchObject({ ociVersion: '1.0.2', process: { cwd: 'relative/cwd' } });
  });

  it('skips: a missing condition, a reason from the case, and a blank reason is an error', async () => {
    const needs = await run(defineCase({ id: 'test.needs', title: 't', requirements: ['RT-KILL-SENDS-SIGNAL'], needs: ['selinux'], run: async () => undefined }));
    expect(needs.outcome).toEqual({ status: 'skip', reason: 'needs selinux: SELinux is not enabled (/sys/fs/selinux missing)', condition: 'selinux' });
    expect(needs.calls).toEqual([]);
    const own = await run(defineCase({ id: 'test.own', title: 't', requirements: ['RT-KILL-SENDS-SIGNAL'], run: async (ctx) => ctx.skip('nothing to see') }));
    expect(own.outcome).toEqual({ status: 'skip', reason: 'nothing to see' });
    const blank = await run(defineCase({ id: 'test.blank', title: 't', requirements: ['RT-KILL-SENDS-SIGNAL'], run: async (ctx) => ctx.skip('  ') }));
    expect(blank.outcome).toEqual({ status: 'error', message: 'the case skipped without a reason', timedOut: false });
  });

  it('process.terminal: the program gets a tty through the console socket, its output lands in the stdout file', async () => {
    const r = await run(
      defineCase({
        id: 'test.tty',
        title: 't',
        requirements: ['RT-START-RUNS-PROCESS'],
        needs: ['console-socket'],
        config: (c) => c.withTerminal().withScript('test -t 0 && test -t 1 && echo "tty:$(tty)"'),
        run: async (ctx) => {
          const { stdout } = await ctx.runToExit();
          const out = stdout.replace(/\r\n/g, '\n').trim();
          ctx.expect('RT-START-RUNS-PROCESS', /^tty:\/dev\/pts\/\d+$/.test(out), { message: 'stdin and stdout are a pty', expected: 'tty:/dev/pts/N', actual: out });
        },
      }),
    );
    const cond = env.host.conditions['console-socket'];
    if (!cond.ok) {
      // koffi can't reach libc on this host: the case must say so rather than fail.
      expect(r.outcome).toEqual({ status: 'skip', reason: `needs console-socket: ${cond.reason}`, condition: 'console-socket' });
      return;
    }
    expect(r.outcome).toEqual({ status: 'pass' });
    expect(r.calls[0]?.argv).toContain('--console-socket');
    expect(containerCgroupsLeft()).toEqual([]);
    // the socket, the connection and the pty master were ours, in this process: all closed with the case
    expect(ptyMastersOpen()).toEqual([]);
  });

  it('a case whose code throws is an error naming the throw; a second container is cleaned up too', async () => {
    const r = await run(
      defineCase({
        id: 'test.throws',
        title: 't',
        requirements: ['RT-KILL-SENDS-SIGNAL'],
        run: async (ctx) => {
          const b = await ctx.another('second', (c) => c.withArgs('/bin/sleep', '1000'));
          await b.create();
          await b.start();
          throw new TypeError('bug in the case');
        },
      }),
    );
    expect(r.outcome.status).toBe('error');
    expect(r.outcome.status === 'error' && r.outcome.message).toMatch(/^case code threw: TypeError: bug in the case/);
    expect(r.calls.at(-1)?.argv.slice(3, 5)).toEqual(['delete', '--force']);
    expect(r.calls.at(-1)?.argv[5]).toMatch(new RegExp(`^${runId}-\\d+-second$`));
    expect(containerCgroupsLeft()).toEqual([]);
  });
});
