/**
 * Making, listing and removing the container's cgroup directories. The record
 * notes exactly which directories we made, so removal never touches one that
 * existed before (an absolute cgroupsPath may name a cgroup someone else made).
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { errText, readCgroupFile, writeCgroupFile } from './fs.js';
import type { CgroupPlan } from './plan.js';

export interface RecordedCgroup {
  readonly version: 'v1' | 'v2';
  readonly mountPoint: string;
  readonly controllers: readonly string[];
  /** Absolute directory of the container's cgroup. */
  readonly dir: string;
  /** Directories we made, shallowest first. */
  readonly created: readonly string[];
  /** The runtime's shared parent (plan.ts): removed by whoever leaves it empty. */
  readonly shared?: string;
}

/** JSON-serialisable: what createCgroups made, for applyResources, cgroupPids and removeCgroups. */
export interface CgroupRecord {
  readonly cgroups: readonly RecordedCgroup[];
}

/** A v1 cpuset cgroup starts with no cpus and mems, and takes no task until given some: copy the parent's. */
function seedCpuset(dir: string): void {
  for (const f of ['cpuset.cpus', 'cpuset.mems']) {
    const mine = readCgroupFile(join(dir, f)).trim();
    if (mine !== '') continue;
    writeCgroupFile(join(dir, f), readCgroupFile(join(dir, '..', f)).trim());
  }
}

/** The container's cgroup directories, made and still empty (rolled back on failure); `placeInCgroups` puts a process in. */
export function makeCgroups(plan: CgroupPlan): CgroupRecord {
  const done: RecordedCgroup[] = [];
  try {
    for (const c of plan.cgroups) {
      const created: string[] = [];
      const shared = c.sharedParent !== undefined ? { shared: join(c.mountPoint, c.sharedParent) } : {};
      const rec: RecordedCgroup = { version: c.version, mountPoint: c.mountPoint, controllers: c.controllers, dir: join(c.mountPoint, c.path), created, ...shared };
      done.push(rec);
      // a shared parent can vanish between our look and our mkdir beneath it (its last container deleted): again
      for (let attempt = 0; ; attempt++) {
        try {
          makePath(c.mountPoint, c.path, c.version === 'v1' && c.controllers.includes('cpuset'), created);
          break;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 5) throw new Error(`cgroup ${(e as { dir?: string }).dir ?? c.path}: mkdir: ${errText(e)}`);
        }
      }
    }
  } catch (e) {
    removeQuietly({ cgroups: done });
    throw e;
  }
  return { cgroups: done };
}

/** Makes each missing directory of `path` below `mountPoint`, noting those it made in `created`; a failure carries its `dir`. */
function makePath(mountPoint: string, path: string, cpuset: boolean, created: string[]): void {
  let dir = mountPoint;
  for (const seg of path.split('/').filter(Boolean)) {
    dir = join(dir, seg);
    if (!existsSync(dir)) {
      try {
        mkdirSync(dir);
        if (!created.includes(dir)) created.push(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw Object.assign(e as Error, { dir });
      }
    }
    // every level, not only those we made: a parent another container of ours made a moment ago may not have its
    // cpus and mems yet, and a child seeded from it would refuse its task (ENOSPC); runc fills each level alike
    if (cpuset) seedCpuset(dir);
  }
}

/** Moves `pid` into every cgroup of the record (the caller removes the record's cgroups when this fails). */
export function placeInCgroups(rec: CgroupRecord, pid: number): void {
  for (const c of rec.cgroups) {
    try {
      writeCgroupFile(join(c.dir, 'cgroup.procs'), String(pid));
    } catch (e) {
      throw new Error(`cgroup ${c.dir}: placing pid ${pid} in cgroup.procs: ${errText(e)}`);
    }
  }
}

/** makeCgroups and placeInCgroups in one, rolled back on failure. */
export function createCgroups(plan: CgroupPlan, pid: number): CgroupRecord {
  const rec = makeCgroups(plan);
  try {
    placeInCgroups(rec, pid);
  } catch (e) {
    removeQuietly(rec);
    throw e;
  }
  return rec;
}

function procsUnder(dir: string, out: Set<number>): void {
  let text: string;
  try {
    text = readCgroupFile(join(dir, 'cgroup.procs'));
  } catch {
    return;
  }
  for (const l of text.split('\n')) if (l.trim()) out.add(Number(l));
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) procsUnder(join(dir, e.name), out);
}

/** Every process in the container's cgroups (and cgroups the container made below them), sorted. */
export function cgroupPids(rec: CgroupRecord): number[] {
  const out = new Set<number>();
  for (const c of rec.cgroups) procsUnder(c.dir, out);
  return [...out].sort((a, b) => a - b);
}

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number): void => void Atomics.wait(pause, 0, 0, ms);

/** rmdir, retrying while the kernel still holds an emptied cgroup (EBUSY right after its last task exited). */
function rmdirPatiently(dir: string): void {
  for (let i = 0; ; i++) {
    try {
      rmdirSync(dir);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'EBUSY' || i >= 40) throw new Error(`cgroup ${dir}: rmdir: ${errText(e)}`);
      sleep(50);
    }
  }
}

/** Cgroups the container made inside its own (with a cgroup namespace and a writable cgroupfs), deepest first. */
function removeChildren(dir: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    removeChildren(join(dir, e.name));
    rmdirPatiently(join(dir, e.name));
  }
}

function hasChildren(dir: string): boolean {
  try {
    return readdirSync(dir, { withFileTypes: true }).some((e) => e.isDirectory());
  } catch {
    return false;
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Kills every process in the container's cgroups, again while any is left (a fork between our look and our kill),
 * up to about a second, then removes the directories (removeCgroups): what a container left running goes with it.
 */
export function emptyAndRemoveCgroups(rec: CgroupRecord): void {
  for (let round = 0; round < 200; round++) {
    const pids = cgroupPids(rec);
    if (pids.length === 0) break;
    for (const p of pids) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    Atomics.wait(PAUSE, 0, 0, 5);
  }
  removeCgroups(rec);
}

/** Removes every directory createCgroups made, deepest first; throws the first failure after trying them all. */
export function removeCgroups(rec: CgroupRecord): void {
  let first: Error | undefined;
  for (const c of rec.cgroups) {
    for (const dir of [...c.created].reverse()) {
      try {
        if (dir === c.dir) removeChildren(dir);
        // A parent we made may by now hold another container's cgroup: leave it to whoever empties it last.
        else if (hasChildren(dir)) continue;
        rmdirPatiently(dir);
      } catch (e) {
        first ??= e as Error;
      }
    }
    // the runtime's shared parent, made by another container or kept by one that was deleted before ours: left
    // empty now, it goes (a create that meanwhile finds it gone makes it again)
    if (c.shared && !c.created.includes(c.shared) && !hasChildren(c.shared)) {
      try {
        rmdirSync(c.shared);
      } catch {
        // in use again, or gone already
      }
    }
  }
  if (first) throw first;
}

function removeQuietly(rec: CgroupRecord): void {
  try {
    removeCgroups(rec);
  } catch {
    /* the original error matters more */
  }
}
