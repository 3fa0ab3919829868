/**
 * Where the container's cgroups go, per hierarchy, from linux.cgroupsPath:
 * absolute = from the hierarchy's root, relative = beneath the caller's own
 * cgroup there (as runc does), absent = beneath the caller's cgroup as
 * oci-ts-runtime/<id>. A path that would climb out with `..` is refused.
 *
 * On the unified (v2) hierarchy, "the caller's cgroup" for a relative path is
 * the parent of the one the caller sits in, unless that is the root, as runc's
 * fs2 driver does: the caller's own cgroup holds processes (the caller at
 * least), and v2 lets no cgroup with processes enable controllers for its
 * children, so no resource could be applied beneath it.
 */
import { type Hierarchy, hostHierarchies } from './layout.js';

export interface PlannedCgroup {
  readonly version: 'v1' | 'v2';
  readonly mountPoint: string;
  readonly controllers: readonly string[];
  /** The container's cgroup, relative to the mount point ('/a/b'). */
  readonly path: string;
  /**
   * Without a cgroupsPath, the runtime's own parent (…/oci-ts-runtime), shared by its containers: whoever leaves it
   * empty removes it, whoever made it.
   */
  readonly sharedParent?: string;
}

export interface CgroupPlan {
  readonly cgroups: readonly PlannedCgroup[];
}

/** Joins `rel` onto `base` segment by segment; undefined when `..` climbs above `floor` segments of base. */
function joinWithin(base: string[], rel: string, floor: number): string[] | undefined {
  const out = [...base];
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length <= floor) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out;
}

const segments = (p: string): string[] => p.split('/').filter((s) => s !== '' && s !== '.');

export const DEFAULT_PARENT = 'oci-ts-runtime';

export function planCgroupsOn(hierarchies: readonly Hierarchy[], cgroupsPath: string | undefined, id: string, defaultParent = DEFAULT_PARENT): CgroupPlan {
  if (!id || id.includes('/') || id === '.' || id === '..') throw new Error(`container id ${JSON.stringify(id)} cannot name a cgroup`);
  const rel = cgroupsPath ?? `${defaultParent}/${id}`;
  const absolute = rel.startsWith('/');
  const cgroups: PlannedCgroup[] = [];
  for (const h of hierarchies) {
    const own = segments(h.own);
    const base = absolute ? [] : h.version === 'v2' ? own.slice(0, -1) : own;
    const segs = joinWithin(base, rel, base.length);
    if (segs === undefined) throw new Error(`linux.cgroupsPath ${JSON.stringify(cgroupsPath)}: '..' climbs out of ${absolute ? 'the hierarchy root' : "the runtime's own cgroup"}`);
    if (segs.length === base.length) throw new Error(`linux.cgroupsPath ${JSON.stringify(cgroupsPath)}: names ${absolute ? 'the root cgroup' : "the runtime's own cgroup"}, not a cgroup of the container`);
    const path = `/${segs.join('/')}`;
    cgroups.push({ version: h.version, mountPoint: h.mountPoint, controllers: h.controllers, path, ...(cgroupsPath === undefined ? { sharedParent: path.slice(0, path.lastIndexOf('/')) } : {}) });
  }
  return { cgroups };
}

/** The plan on this host, from the caller's own /proc/self view. */
export function planCgroups(cgroupsPath: string | undefined, id: string): CgroupPlan {
  return planCgroupsOn(hostHierarchies(), cgroupsPath, id);
}
