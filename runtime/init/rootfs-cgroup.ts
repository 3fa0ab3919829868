/**
 * A mount of type cgroup or cgroup2, for the host's cgroup layout: cgroup2
 * where the host is pure v2; else a tmpfs with the host's hierarchies under
 * /sys/fs/cgroup mounted beneath it (and its symlinks, such as
 * cpu -> cpu,cpuacct), best effort. The init is already in its cgroup
 * namespace, so each hierarchy shows from the container's cgroup.
 */
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import * as L from '../libc.js';
import { KEPT, keptFlags, type MountOptions } from './rootfs-options.js';
import { fdPath, onTop, type Resolved } from './rootfs-resolve.js';

interface MountLine {
  readonly mountPoint: string;
  readonly fstype: string;
  readonly superOptions: readonly string[];
}

const unescape = (s: string): string => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

function ourMounts(): MountLine[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const f = line.split(' ');
      const dash = f.indexOf('-');
      return { mountPoint: unescape(f[4] ?? ''), fstype: f[dash + 1] ?? '', superOptions: (f[dash + 3] ?? '').split(',') };
    });
}

/** Mounts cgroup at `dest` (resolved as `r`) with the flags of `o`. */
export function mountCgroup(rootFd: number, dest: string, r: Resolved, o: MountOptions): void {
  const mounts = ourMounts();
  const top = mounts.filter((m) => m.mountPoint === '/sys/fs/cgroup').pop();
  if (top?.fstype === 'cgroup2') {
    L.check(L.mount('cgroup2', fdPath(r.fd), 'cgroup2', o.set, o.data.join(',') || null), 'mount cgroup2');
    return;
  }
  L.check(L.mount('tmpfs', fdPath(r.fd), 'tmpfs', o.set & ~L.MS_RDONLY, 'mode=755'), 'mount tmpfs (cgroup v1)');
  onTop(rootFd, dest, (t) => {
    const seen = new Set<string>();
    for (const m of mounts) {
      const name = m.mountPoint.slice('/sys/fs/cgroup/'.length);
      if (!m.mountPoint.startsWith('/sys/fs/cgroup/') || name.includes('/') || seen.has(name)) continue;
      if (m.fstype !== 'cgroup' && m.fstype !== 'cgroup2') continue;
      seen.add(name);
      if (L.mkdirat(t.fd, name, 0o755) < 0) continue;
      const sub = L.openat(t.fd, name, L.O_PATH | L.O_NOFOLLOW | L.O_CLOEXEC);
      if (sub < 0) continue;
      const data = m.fstype === 'cgroup' ? m.superOptions.filter((x) => x !== 'rw' && x !== 'ro' && !x.startsWith('release_agent=')).join(',') : null;
      L.mount(m.fstype, fdPath(sub), m.fstype, o.set & ~L.MS_RDONLY, data); // best effort: a hierarchy that can't be mounted is left out
      if (o.set & L.MS_RDONLY) L.mount(null, fdPath(sub), null, L.MS_REMOUNT | L.MS_BIND | (o.set & KEPT), null);
      L.close(sub);
    }
    let names: string[] = [];
    try {
      names = readdirSync('/sys/fs/cgroup');
    } catch {
      names = [];
    }
    for (const name of names) {
      try {
        if (lstatSync(`/sys/fs/cgroup/${name}`).isSymbolicLink()) L.symlinkat(readlinkSync(`/sys/fs/cgroup/${name}`), t.fd, name);
      } catch {
        // best effort
      }
    }
    if (o.set & L.MS_RDONLY) L.check(L.mount(null, fdPath(t.fd), null, L.MS_REMOUNT | L.MS_BIND | (o.set & KEPT) | keptFlags(t.fd), null), 'remount cgroup tmpfs read-only');
  });
}
