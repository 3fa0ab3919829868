/**
 * Cleanup that only touches what a run created: processes we recorded (pid
 * plus start time, so a reused pid is left alone) or found inside cgroups
 * under the run's own prefix, those cgroups, and the run's directory, removed
 * without crossing into another filesystem (a mount left under it is reported,
 * never traversed).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile, readdir, rmdir, writeFile, lstat, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CgroupLayout } from './inspect/cgroup-layout.js';
import { readProcCgroups } from './inspect/proc-cgroup.js';
import { parseStatFields } from './inspect/process.js';
import { readMountinfo } from './inspect/mountinfo.js';

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); undefined if the pid is gone. */
export async function processStartTime(pid: number): Promise<string | undefined> {
  try {
    return parseStatFields(await readFile(`/proc/${pid}/stat`, 'utf8'))[19];
  } catch {
    return undefined;
  }
}

/** SIGKILLs pid if it is still the process we recorded. Returns whether it was killed. */
export async function killIfOurs(pid: number, startTime: string): Promise<boolean> {
  if ((await processStartTime(pid)) !== startTime) return false;
  try {
    process.kill(pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

/** Directories named `prefix` under our own cgroup or the root, in every hierarchy. */
export async function findRunCgroups(prefix: string, layout: CgroupLayout): Promise<string[]> {
  if (!/^[\w.-]+$/.test(prefix)) throw new Error(`unsafe cgroup prefix ${prefix}`);
  const own = await readProcCgroups('self');
  const mounts = new Map<string, string | undefined>();
  for (const [ctrl, mp] of Object.entries(layout.v1)) if (!mounts.has(mp)) mounts.set(mp, own.v1[ctrl]);
  if (layout.unified) mounts.set(layout.unified, own.unified);
  const out = new Set<string>();
  for (const [mp, ownPath] of mounts) {
    const root = layout.mountRoots[mp] ?? '/';
    const rel = ownPath && ownPath.startsWith(root) ? ownPath.slice(root.length) : '';
    for (const base of new Set([join(mp, rel), mp])) {
      const d = join(base, prefix);
      try {
        if ((await lstat(d)).isDirectory()) out.add(d);
      } catch {
        /* not there */
      }
    }
  }
  return [...out];
}

async function procsOf(dir: string): Promise<number[]> {
  try {
    return (await readFile(join(dir, 'cgroup.procs'), 'utf8')).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Removes a cgroup directory tree we own: thaws it (a frozen process can't
 * die), SIGKILLs every process in it (they are in our cgroup, so ours), waits
 * for them to go, then rmdirs leaves first. Returns the directories it could
 * not remove.
 */
export async function removeCgroupTree(dir: string): Promise<string[]> {
  const left: string[] = [];
  let children: string[] = [];
  try {
    children = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => join(dir, e.name));
  } catch {
    return [];
  }
  for (const c of children) left.push(...(await removeCgroupTree(c)));
  await writeFile(join(dir, 'freezer.state'), 'THAWED').catch(() => undefined);
  await writeFile(join(dir, 'cgroup.freeze'), '0').catch(() => undefined);
  for (let attempt = 0; attempt < 250; attempt++) {
    const pids = await procsOf(dir);
    for (const p of pids) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    try {
      await rmdir(dir);
      return left;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT') return left;
      if (code !== 'EBUSY' && code !== 'ENOTEMPTY') break;
    }
    await sleep(20);
  }
  left.push(dir);
  return left;
}

/**
 * rm -rf that stays on the directory's filesystem and never follows symlinks.
 * Mount points found under `dir` are left alone and returned.
 */
export async function removeTree(dir: string): Promise<string[]> {
  let mounts: string[] = [];
  try {
    mounts = (await readMountinfo('self')).map((m) => m.mountPoint).filter((p) => p === dir || p.startsWith(`${dir}/`));
  } catch {
    /* keep going: lstat's device check below still guards */
  }
  if (mounts.length === 0) {
    rmSync(dir, { recursive: true, force: true }); // sync: far faster than the thread pool for many tiny files
    return [];
  }
  const rootDev = (await lstat(dir)).dev;
  const walk = async (p: string): Promise<boolean> => {
    const st = await lstat(p);
    if (mounts.includes(p) || st.dev !== rootDev) return false;
    if (st.isDirectory()) {
      let all = true;
      for (const n of await readdir(p)) all = (await walk(join(p, n))) && all;
      if (all) await rmdir(p);
      return all;
    }
    await rm(p, { force: true });
    return true;
  };
  await walk(dir);
  return mounts;
}

/** Set in the environment of every runtime call of a run to the run id (harness/run.ts). */
export const RUN_MARKER = 'OCI_CONFORM_RUN';
/** Set in the environment of every runtime call of a case to the case's id stem (harness/execute.ts). */
export const CASE_MARKER = 'OCI_CONFORM_CASE';

/**
 * Live processes (other than ours) whose environment holds `name=value`: the calls a run made and whatever they
 * forked without clearing their environment. The value is a random run id (or a case stem under it), so a match
 * is a process of that run, never someone else's. Processes of other users we can't read are not ours anyway.
 */
export async function markedProcesses(name: string, value: string): Promise<number[]> {
  if (!/^[\w.-]+$/.test(value)) throw new Error(`unsafe marker value ${value}`);
  const want = Buffer.from(`${name}=${value}\0`);
  const out: number[] = [];
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc');
  } catch {
    return [];
  }
  // sync on purpose: a few hundred tiny /proc reads cost a fraction of the thread pool's round trips
  for (const p of pids) {
    if (!/^\d+$/.test(p) || Number(p) === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${p}/environ`);
      // the entry starts the environment or follows a NUL
      const i = env.indexOf(want);
      if (i === 0 || (i > 0 && env[i - 1] === 0)) out.push(Number(p));
    } catch {
      /* gone, or not ours to read */
    }
  }
  return out;
}

/**
 * SIGKILLs every process carrying the marker (stopped first, so none forks between the listing and the kill),
 * until none is left or it gives up. Returns the pids killed.
 */
export async function killMarked(name: string, value: string): Promise<{ pid: number; cmd: string }[]> {
  const killed: { pid: number; cmd: string }[] = [];
  for (let round = 0; round < 20; round++) {
    const pids = await markedProcesses(name, value);
    const live = [];
    for (const p of pids) {
      const st = await readFile(`/proc/${p}/stat`, 'utf8').catch(() => '');
      if (st && !st.slice(st.lastIndexOf(')') + 2).startsWith('Z')) live.push(p);
    }
    if (live.length === 0) break;
    for (const p of live) signalQuietly(p, 'SIGSTOP');
    for (const p of live) {
      const cmd = (await readFile(`/proc/${p}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean).join(' ').slice(0, 200);
      signalQuietly(p, 'SIGKILL');
      if (!killed.some((k) => k.pid === p)) killed.push({ pid: p, cmd });
    }
    await sleep(10);
  }
  return killed;
}

function signalQuietly(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}
