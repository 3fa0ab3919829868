/** The host profile (harness/host-profile.ts) in two lines for people: the console header and the TAP comments. */
import { basename } from 'node:path';
import type { HostProfile } from '../../harness/model.js';

/** One line for people: `hybrid: Linux 6.18, root, cgroup driver cgroupfs (pid 1: systemd), LSMs none listed, AppArmor off, SELinux off`. */
export function describeHost(h: HostProfile): string {
  const lsms = h.lsm.active === null ? 'not listed (no /sys/kernel/security/lsm)' : h.lsm.active.join(',') || 'none listed';
  const user = h.user.rootless ? `rootless (uid ${h.user.uid})` : 'root';
  return `${h.name}: Linux ${h.kernel}, ${user}, cgroup driver ${h.cgroupDriver}${h.init ? ` (pid 1: ${h.init})` : ''}, LSMs ${lsms}, AppArmor ${h.lsm.apparmor ? 'on' : 'off'}, SELinux ${h.lsm.selinux || 'off'}`;
}

/** `hybrid: v1 blkio,cpu,... | v2 (/sys/fs/cgroup/unified) hugetlb`. */
export function describeCgroups(h: HostProfile): string {
  const c = h.cgroups;
  const v1 = c.v1.length ? `v1 ${c.v1.join(',')}` : 'no v1 hierarchy';
  const v2 = c.unifiedMount ? `v2 (${c.unifiedMount}) ${c.v2.join(',') || 'no controllers'}` : 'no cgroup2 mount';
  return `${c.layout}: ${v1} | ${v2}`;
}

/** `runc @ hybrid`: a run's runtime file name and host profile, the name of its column in a matrix. */
export function columnLabel(run: { readonly runtime: { readonly binary: string }; readonly host?: { readonly profile?: HostProfile } }): string {
  return `${basename(run.runtime.binary)} @ ${run.host?.profile?.name ?? 'unknown host'}`;
}
