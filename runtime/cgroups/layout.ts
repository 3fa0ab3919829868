/**
 * The cgroup hierarchies this host mounts and where the calling process sits in
 * each, read from /proc/self/mountinfo and /proc/self/cgroup (never assumed):
 * pure v1, pure v2, or hybrid (v1 controllers plus a cgroup2 mount).
 */
import { readFileSync } from 'node:fs';

export interface Hierarchy {
  /** 'v1': a cgroup (v1) mount with its controllers; 'v2': the cgroup2 mount. */
  readonly version: 'v1' | 'v2';
  readonly mountPoint: string;
  /** v1: the controllers bound to this mount; v2: those its root offers (cgroup.controllers). */
  readonly controllers: readonly string[];
  /** Where the caller sits, relative to the mount point ('/' = the mount's root). */
  readonly own: string;
}

/** mountinfo escapes space, tab, newline and backslash as octal. */
const unescape = (s: string): string => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

const NOT_CONTROLLERS = new Set(['rw', 'ro', 'xattr', 'noprefix', 'clone_children', 'cpuset_v2_mode', 'nsdelegate', 'memory_recursiveprot', 'memory_localevents', 'favordynmods', 'memory_hugetlb_accounting']);

/** The caller's place inside a hierarchy: /proc/self/cgroup's path, made relative to the mount's root. */
function under(root: string, path: string): string {
  if (root === '/' || root === '') return path;
  if (path === root) return '/';
  return path.startsWith(`${root}/`) ? path.slice(root.length) : path;
}

/**
 * The hierarchies from mountinfo and /proc/self/cgroup texts (pure, for tests).
 * v1 mounts of named hierarchies only (name=systemd, no controller) are left
 * out: no resource lives there. The first mount of each hierarchy wins.
 */
export function hierarchiesFrom(mountinfo: string, procCgroup: string, v2Controllers: (mountPoint: string) => string[]): Hierarchy[] {
  const v1Paths = new Map<string, string>();
  let v2Path: string | undefined;
  for (const line of procCgroup.split('\n')) {
    const m = /^\d+:([^:]*):(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === '') v2Path = m[2]!;
    else for (const c of m[1]!.split(',')) v1Paths.set(c, m[2]!);
  }
  const out: Hierarchy[] = [];
  const seen = new Set<string>();
  for (const line of mountinfo.split('\n')) {
    const sep = line.indexOf(' - ');
    if (sep < 0) continue;
    const left = line.slice(0, sep).split(' ');
    const [fstype, , superOpts = ''] = line.slice(sep + 3).split(' ');
    const root = unescape(left[3] ?? '/');
    const mountPoint = unescape(left[4] ?? '');
    if (fstype === 'cgroup2') {
      if (seen.has('') || v2Path === undefined) continue;
      seen.add('');
      out.push({ version: 'v2', mountPoint, controllers: v2Controllers(mountPoint), own: under(root, v2Path) });
    } else if (fstype === 'cgroup') {
      const controllers = superOpts.split(',').filter((o) => /^[a-z_]+$/.test(o) && !NOT_CONTROLLERS.has(o));
      const key = [...controllers].sort().join(',');
      const path = controllers.map((c) => v1Paths.get(c)).find((p) => p !== undefined);
      if (controllers.length === 0 || seen.has(key) || path === undefined) continue;
      seen.add(key);
      out.push({ version: 'v1', mountPoint, controllers, own: under(root, path) });
    }
  }
  return out;
}

function readControllers(mountPoint: string): string[] {
  try {
    return readFileSync(`${mountPoint}/cgroup.controllers`, 'utf8').split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

/** This host's hierarchies, seen by the calling process. */
export function hostHierarchies(): Hierarchy[] {
  return hierarchiesFrom(readFileSync('/proc/self/mountinfo', 'utf8'), readFileSync('/proc/self/cgroup', 'utf8'), readControllers);
}
