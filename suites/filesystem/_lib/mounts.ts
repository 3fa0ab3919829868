/**
 * Mount helpers of the filesystem cases: a mount entry read from the host in
 * the container's mountinfo, the host mount that holds a path (to know its
 * propagation), nested mounts of the host under a directory, and whether the
 * kernel has mount_setattr (recursive attributes such as rro).
 */
import { release } from 'node:os';
import { mountAt, type MountEntry, readMountinfo } from '../../case.js';

/** The mount at `point` in the container's mountinfo, or undefined. */
export async function containerMount(pid: number, point: string): Promise<MountEntry | undefined> {
  return mountAt(await readMountinfo(pid), point);
}

/** Our (the runtime's) mount that contains `path`: the longest mount point that is a prefix. */
export async function hostMountHolding(path: string): Promise<MountEntry | undefined> {
  let best: MountEntry | undefined;
  for (const m of await readMountinfo('self')) {
    const p = m.mountPoint === '/' ? '/' : `${m.mountPoint}/`;
    if ((path === m.mountPoint || path.startsWith(p)) && (!best || m.mountPoint.length >= best.mountPoint.length)) best = m;
  }
  return best;
}

/** Mount points of ours strictly below `dir` (e.g. /dev/pts and /dev/shm below /dev). */
export async function hostMountsBelow(dir: string): Promise<string[]> {
  return [...new Set((await readMountinfo('self')).map((m) => m.mountPoint).filter((p) => p.startsWith(`${dir}/`)))];
}

/** mount_setattr(2) came in Linux 5.12; recursive mount attributes need it. */
export function kernelHasMountSetattr(): boolean {
  const m = /^(\d+)\.(\d+)/.exec(release());
  return !!m && (Number(m[1]) > 5 || (Number(m[1]) === 5 && Number(m[2]) >= 12));
}
