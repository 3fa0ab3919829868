/**
 * Where a process sits in each cgroup hierarchy of this host, as cgroupfs
 * directories: one entry per v1 controller hierarchy (named hierarchies such
 * as name=systemd left out) and one for the unified hierarchy when the
 * process has a v2 line. Read from the host's /proc/<pid>/cgroup.
 */
import { access } from 'node:fs/promises';
import { cgroupDir, readProcCgroups, type CgroupLayout, type ProcCgroups } from '../case.js';

export interface CgroupPlace {
  /** v1 controller name, or '' for the unified hierarchy. */
  readonly controller: string;
  /** The path /proc/<pid>/cgroup gives (inside the hierarchy). */
  readonly path: string;
  /** The cgroupfs directory on this host, when the hierarchy is mounted. */
  readonly dir: string | undefined;
}

export function placesOf(proc: ProcCgroups, layout: CgroupLayout): CgroupPlace[] {
  const out: CgroupPlace[] = [];
  for (const [controller, path] of Object.entries(proc.v1)) {
    if (controller.startsWith('name=') || layout.v1[controller] === undefined) continue;
    out.push({ controller, path, dir: cgroupDir(layout, proc, controller) });
  }
  if (proc.unified !== undefined && layout.unified) {
    out.push({ controller: '', path: proc.unified, dir: cgroupDir(layout, { v1: {}, unified: proc.unified }, '') });
  }
  return out;
}

export async function cgroupPlaces(pid: number | 'self', layout: CgroupLayout): Promise<CgroupPlace[]> {
  return placesOf(await readProcCgroups(pid), layout);
}

export async function dirExists(dir: string | undefined): Promise<boolean> {
  if (dir === undefined) return false;
  try {
    await access(dir);
    return true;
  } catch {
    return false;
  }
}

/** 'memory' or 'unified', for messages. */
export function label(p: CgroupPlace): string {
  return p.controller || 'unified';
}

/** The config names a cgroupsPath (the harness leaves it out when no cgroup can be made: a rootless run). */
export function hasCgroupsPath(config: { readonly linux?: unknown }): boolean {
  const l = config.linux;
  return typeof l === 'object' && l !== null && typeof (l as { cgroupsPath?: unknown }).cgroupsPath === 'string';
}
