/**
 * Which cgroup hierarchies the host has: pure v1, pure v2 (unified), or hybrid
 * (v1 controllers plus a cgroup2 mount, usually /sys/fs/cgroup/unified). Read
 * from our own mountinfo, so a host that mounts them elsewhere is handled.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CgroupLayout } from './cgroup/types.js';
import { parseMountinfo, type MountEntry } from './mountinfo.js';

export type { CgroupLayout };

const SUPER_NON_CONTROLLER = new Set(['rw', 'ro', 'xattr', 'noprefix', 'clone_children', 'cpuset_v2_mode', 'nsdelegate', 'memory_recursiveprot', 'memory_localevents', 'favordynmods', 'memory_hugetlb_accounting']);

/** The layout seen from the given mount table (pure: for tests with recorded tables). */
export function layoutFromMounts(mounts: readonly MountEntry[], unifiedControllers: readonly string[] = []): CgroupLayout {
  const v1: Record<string, string> = {};
  const mountRoots: Record<string, string> = {};
  let unified: string | undefined;
  for (const m of mounts) {
    if (m.fstype === 'cgroup' || m.fstype === 'cgroup2') mountRoots[m.mountPoint] = m.root;
    if (m.fstype === 'cgroup2') unified ??= m.mountPoint;
    else if (m.fstype === 'cgroup') {
      for (const o of [...m.superOptions, ...m.options]) {
        if (SUPER_NON_CONTROLLER.has(o) || o.startsWith('release_agent=')) continue;
        if (/^(name=[\w.-]+|[a-z_]+)$/.test(o) && !['rw', 'ro', 'nosuid', 'nodev', 'noexec', 'relatime', 'noatime', 'strictatime'].includes(o)) v1[o] ??= m.mountPoint;
      }
    }
  }
  const controllers = Object.keys(v1).filter((c) => !c.startsWith('name='));
  const mode = controllers.length > 0 ? (unified ? 'hybrid' : 'v1') : unified ? 'v2' : 'none';
  return { mode, v1, unified, unifiedControllers, mountRoots };
}

/** Reads a host file: its text, or undefined when it can't be read. */
export type FileReader = (path: string) => Promise<string | undefined>;

const realFiles: FileReader = (p) => readFile(p, 'utf8').catch(() => undefined);

/** Probes this host (or, for tests, the recorded files `read` gives: /proc/self/mountinfo and cgroup.controllers). */
export async function detectCgroupLayout(read: FileReader = realFiles): Promise<CgroupLayout> {
  const text = await read('/proc/self/mountinfo');
  if (text === undefined) throw new Error('cannot read /proc/self/mountinfo');
  const partial = layoutFromMounts(parseMountinfo(text, '/proc/self/mountinfo'));
  const ctrl = partial.unified ? ((await read(join(partial.unified, 'cgroup.controllers'))) ?? '').split(/\s+/).filter(Boolean) : [];
  return { ...partial, unifiedControllers: ctrl };
}

/**
 * The directory of a process's cgroup for `controller` ('memory', 'pids', ...;
 * '' for the unified hierarchy itself). v1 when the controller has a v1
 * hierarchy, else the unified one when it offers the controller.
 */
export function cgroupDir(layout: CgroupLayout, procPaths: { v1: Readonly<Record<string, string>>; unified?: string }, controller: string): string | undefined {
  const v1Mount = controller ? layout.v1[controller] : undefined;
  if (v1Mount !== undefined) {
    const p = procPaths.v1[controller];
    return p === undefined ? undefined : join(v1Mount, relativeToRoot(p, layout.mountRoots[v1Mount]));
  }
  if (layout.unified && procPaths.unified !== undefined && (controller === '' || layout.unifiedControllers.includes(controller))) {
    return join(layout.unified, relativeToRoot(procPaths.unified, layout.mountRoots[layout.unified]));
  }
  return undefined;
}

/** Which hierarchy serves a controller on this host. */
export function controllerVersion(layout: CgroupLayout, controller: string): 'v1' | 'v2' | undefined {
  if (layout.v1[controller] !== undefined) return 'v1';
  if (layout.unified && layout.unifiedControllers.includes(controller)) return 'v2';
  return undefined;
}

function relativeToRoot(p: string, root: string | undefined): string {
  if (!root || root === '/') return p;
  return p === root ? '/' : p.startsWith(`${root}/`) ? p.slice(root.length) : p;
}
