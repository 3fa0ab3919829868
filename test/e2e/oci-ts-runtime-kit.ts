/**
 * What test/e2e/oci-ts-runtime.test.ts needs around the built runtime: running
 * the CLI (bin/oci-ts-runtime.js as a program → dist/) with its own --root, bundles from
 * the fixture rootfs with a cgroupsPath under a prefix of this run, and the
 * scan for anything a container left behind: state directories, cgroup
 * directories under the prefix, processes in those cgroups, in a container's
 * namespaces or naming the test's directory, and mounts under it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { writeBundle } from '../../fixtures/bundle.js';
import { baseConfig, ConfigBuilder } from '../../fixtures/config.js';
import { buildRootfs } from '../../fixtures/rootfs.js';
import { planCgroups } from '../../runtime/cgroups/index.js';
import { processStartTime } from '../../runtime/store.js';

export const REPO = join(import.meta.dirname, '..', '..');
export const BIN = join(REPO, 'bin', 'oci-ts-runtime.js');
/** The container init of this checkout: the test files that start it run one test at a time. */
const INIT = join(REPO, 'dist', 'oci-ts-runtime-init.cjs');

/** Why the end-to-end tests can't run here, or undefined. */
export function skipReason(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root';
  for (const f of ['oci-ts-runtime.js', 'oci-ts-runtime.cache', 'oci-ts-runtime-init.js', 'oci-ts-runtime-init.cjs']) if (!existsSync(join(REPO, 'dist', f))) return `dist/${f} is missing: run npm run build`;
  for (const tool of ['unshare', 'nsenter']) if (!['/usr/bin', '/bin'].some((d) => existsSync(join(d, tool)))) return `needs util-linux ${tool}`;
  return undefined;
}

/** This run's cgroup names start with it: `<PREFIX>-<id>` beside the test's own cgroups. */
export const PREFIX = `oci-ts-rtests-${randomBytes(4).toString('hex')}`;

export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Where the command's stdout went (a container started by create keeps writing there). */
  readonly stdoutFile: string;
}

let serial = 0;

/** Starts the CLI with stdout and stderr in files (a container inherits them from create; pipes would stay open). */
export function startCli(dir: string, root: string, args: readonly string[], cwd = dir): { child: ChildProcess; done: Promise<Run> } {
  const n = serial++;
  const stdoutFile = join(dir, `cli-${n}.out`);
  const stderrFile = join(dir, `cli-${n}.err`);
  const out = openSync(stdoutFile, 'w');
  const err = openSync(stderrFile, 'w');
  let child: ChildProcess;
  try {
    // as a program, as oci-conform and users run it: its launcher is part of what is tested (create in place)
    child = spawn(BIN, ['--root', root, ...args], { stdio: ['ignore', out, err], cwd, env: { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}` } });
  } finally {
    closeSync(out);
    closeSync(err);
  }
  const done = new Promise<Run>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal, stdout: readFileSync(stdoutFile, 'utf8'), stderr: readFileSync(stderrFile, 'utf8'), stdoutFile }));
  });
  return { child, done };
}

/**
 * A test file's places, made and checked by the vitest hooks this registers (call it once, at the file's top): a
 * directory for the file (0755: a container root mapped to another uid must reach its rootfs) with the busybox
 * rootfs template, and for each test a directory of its own with its --root. After each test, every container in
 * `ids` is deleted with --force, `beforeScan` runs (what the file started besides), and the test fails if anything
 * of it remains (the leftover scan; what is found is swept first).
 */
export function useScratch(prefix: string, beforeScan?: () => void): Scratch {
  const skip = skipReason() !== undefined;
  let base: string | undefined;
  let testNo = 0;
  // one object for the file, its fields set for each test (tests read them when they run)
  const s = {
    cli: (...args: string[]): Promise<Run> => startCli(s.dir, s.root, args).done,
    async bundle(name: string, edit: (c: ConfigBuilder) => ConfigBuilder = (c) => c, ociVersion = '1.2.0'): Promise<string> {
      const b = join(s.dir, name);
      const c = edit(ConfigBuilder.from(baseConfig(ociVersion)).withArgs('/bin/sleep', '1000')).withCgroupsPath(`${PREFIX}-${name}`);
      await writeBundle(b, s.template, c.build());
      return b;
    },
  } as { -readonly [K in keyof Scratch]: Scratch[K] };
  beforeAll(async () => {
    if (skip) return;
    base = mkdtempSync(join(tmpdir(), prefix));
    chmodSync(base, 0o755);
    s.template = join(base, 'template');
    await buildRootfs(s.template);
  });
  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });
  beforeEach(() => {
    if (!base) return;
    s.dir = join(base, `t${testNo++}`);
    mkdirSync(s.dir, { mode: 0o755 });
    s.root = join(s.dir, 'root');
    s.ids = new Set();
    s.watched = new NamespaceWatch();
  });
  afterEach(async () => {
    if (skip) return;
    for (const id of s.ids) await s.cli('delete', '--force', id);
    beforeScan?.();
    const found = leftovers(s.dir, s.root, s.watched);
    s.watched.close();
    await sweep(found);
    rmSync(s.dir, { recursive: true, force: true });
    expect(found, 'left behind by the test (swept now)').toEqual([]);
  });
  return s;
}

/** What useScratch gives a test: the current test's places, and the CLI and bundles made in them. */
export interface Scratch {
  /** The busybox rootfs the file's bundles copy. */
  readonly template: string;
  /** The current test's directory and the runtime's --root in it. */
  readonly dir: string;
  readonly root: string;
  /** The ids the test created: deleted with --force after it. */
  readonly ids: Set<string>;
  /** Namespaces to look for after the test. */
  readonly watched: NamespaceWatch;
  /** The CLI with the test's --root, run in its directory. */
  cli(...args: string[]): Promise<Run>;
  /** A bundle `name` in the test's directory running `sleep 1000`; the container's cgroups are `<PREFIX>-<name>`. */
  bundle(name: string, edit?: (c: ConfigBuilder) => ConfigBuilder, ociVersion?: string): Promise<string>;
}

export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until `f` gives something other than undefined/false; fails naming `what` after `seconds`. */
export async function waitFor<T>(what: string, f: () => T | undefined | false, seconds = 30): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const v = f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what} after ${seconds} s`);
    await pause(20);
  }
}

/** A process identity that survives pid reuse. */
export interface Proc {
  readonly pid: number;
  readonly startTime: string;
}

export function proc(pid: number): Proc | undefined {
  const startTime = processStartTime(pid);
  return startTime === undefined ? undefined : { pid, startTime };
}

export const stillThere = (p: Proc): boolean => processStartTime(p.pid) === p.startTime;

const pids = (): number[] =>
  readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number);

const readOr = (f: () => string): string => {
  try {
    return f();
  } catch {
    return '';
  }
};

/** The namespaces of a process as `type:[inode]` (pid, mnt, net, ipc, uts, user, cgroup, time). */
export function namespacesOf(pid: number): string[] {
  return ['pid', 'mnt', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time'].map((t) => readOr(() => readlinkSync(`/proc/${pid}/ns/${t}`))).filter(Boolean);
}

/**
 * A container's namespaces, held open: a namespace's inode number is free for reuse once the namespace is gone (a
 * later container of another run may get it), so a process is known to be in one of ours only while we hold it.
 */
export class NamespaceWatch {
  private readonly fds: number[] = [];
  readonly names = new Set<string>();

  /** Holds the namespaces of `pid` that are not the test's own. */
  add(pid: number): void {
    const mine = new Set(namespacesOf(process.pid));
    for (const t of ['pid', 'mnt', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time']) {
      let fd: number;
      try {
        fd = openSync(`/proc/${pid}/ns/${t}`, 'r');
      } catch {
        continue;
      }
      const name = readOr(() => readlinkSync(`/proc/self/fd/${fd}`));
      if (!name || mine.has(name) || this.names.has(name)) {
        closeSync(fd);
        continue;
      }
      this.fds.push(fd);
      this.names.add(name);
    }
  }

  close(): void {
    for (const fd of this.fds.splice(0)) closeSync(fd);
    this.names.clear();
  }
}

/** The directories where `<PREFIX>-<id>` cgroups go, one per hierarchy (computed as the runtime plans them). */
export function prefixParents(): string[] {
  return planCgroups(`${PREFIX}-probe`, 'probe').cgroups.map((c) => dirname(join(c.mountPoint, c.path)));
}

export interface Leftover {
  readonly what: 'state dir' | 'cgroup' | 'process' | 'mount';
  readonly path?: string;
  readonly pid?: number;
  readonly why?: string;
}

/**
 * Everything of ours still there: entries of `root`, cgroup directories named
 * `<PREFIX>-*`, processes in those cgroups, in one of the namespaces `watch`
 * holds, running this checkout's container init, or whose command line names
 * `dir`, and mounts at or under `dir`.
 */
export function leftovers(dir: string, root: string, watch?: NamespaceWatch): Leftover[] {
  const namespaces: ReadonlySet<string> = watch?.names ?? new Set();
  const out: Leftover[] = [];
  if (existsSync(root)) for (const e of readdirSync(root)) out.push({ what: 'state dir', path: join(root, e) });
  for (const parent of prefixParents()) {
    for (const e of readOr(() => readdirSync(parent).join('\n')).split('\n')) if (e.startsWith(`${PREFIX}-`)) out.push({ what: 'cgroup', path: join(parent, e) });
  }
  const mine = new Set(namespacesOf(process.pid));
  for (const pid of pids()) {
    // a zombie handed to the host's init is dead already (this host's PID 1 reaps only now and then)
    if (pid === process.pid || /^Z 1$/.test(stateAndParent(pid))) continue;
    if (readOr(() => readFileSync(`/proc/${pid}/cgroup`, 'utf8')).includes(`/${PREFIX}-`)) {
      out.push({ what: 'process', pid, why: `in a cgroup of the run: ${describe(pid)}` });
      continue;
    }
    const cmdline = readOr(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    // an init of an oci-conform run that another test file runs at the same time (vitest runs files in parallel) is
    // in that run's cgroups, named oci-conform-<run id>, and is that run's to remove
    if (cmdline.includes(INIT) && !readOr(() => readFileSync(`/proc/${pid}/cgroup`, 'utf8')).includes('/oci-conform-')) {
      out.push({ what: 'process', pid, why: `a container init of this checkout (or the unshare waiting beside one): ${describe(pid)}` });
      continue;
    }
    if (cmdline.includes(dir)) {
      out.push({ what: 'process', pid, why: `its command line names ${dir}: ${describe(pid)}` });
      continue;
    }
    const held = namespacesOf(pid).find((n) => namespaces.has(n) && !mine.has(n));
    if (held) out.push({ what: 'process', pid, why: `in the container's namespace ${held}: ${describe(pid)}` });
  }
  for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    const point = line.split(' ')[4]?.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
    if (point && (point === dir || point.startsWith(`${dir}/`))) out.push({ what: 'mount', path: point });
  }
  return out;
}

/** `<state> <ppid>` from /proc/<pid>/stat. */
function stateAndParent(pid: number): string {
  const stat = readOr(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(0, 2).join(' ');
}

/** A process as `ps` would show it: state, parent, command line. */
function describe(pid: number): string {
  const [state, ppid] = stateAndParent(pid).split(' ');
  return `state ${state} ppid ${ppid}: ${readOr(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' ').trim()}`;
}

/** Removes what `leftovers` found that is ours to remove: kills the processes, removes the cgroup directories. */
export async function sweep(found: readonly Leftover[]): Promise<void> {
  for (const l of found) {
    if (l.what !== 'process' || l.pid === undefined) continue;
    try {
      process.kill(l.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  for (const l of found) {
    if (l.what !== 'cgroup' || !l.path) continue;
    for (let i = 0; i < 100; i++) {
      try {
        removeCgroupTree(l.path);
        break;
      } catch {
        await pause(20);
      }
    }
  }
}

function removeCgroupTree(d: string): void {
  if (!existsSync(d)) return;
  for (const e of readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) removeCgroupTree(join(d, e.name));
  rmdirSync(d);
}
