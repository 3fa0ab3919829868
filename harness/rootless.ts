/**
 * Rootless runs: oci-conform started by an unprivileged user, driving a runtime in its rootless mode
 * (a profile with `rootless: true`, such as runc-rootless). What changes is data the cases never see:
 *
 * - every container gets a user namespace of its own in which container root is the caller (uid and gid,
 *   one id each: an unprivileged process may write exactly that mapping, user_namespaces(7));
 * - no cgroupsPath is written unless container cgroups can be made (the `cgroup-write` condition: root, or
 *   a cgroup delegated to the caller), since runtimes refuse a path they can't create;
 * - cases that need host privileges declare `root` and skip with the probe's reason.
 */
import type { ConfigBuilder } from '../fixtures/config.js';

export interface RootlessMode {
  /** The caller's uid and gid: container root is mapped to them. */
  readonly uid: number;
  readonly gid: number;
}

/** The mode of this process when its profile is rootless; undefined for a run as root. */
export function rootlessMode(profileRootless: boolean | undefined): RootlessMode | undefined {
  if (!profileRootless) return undefined;
  return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
}

/** The base config of a rootless run: a user namespace whose root is the caller. */
export function withCallerAsRoot(b: ConfigBuilder, m: RootlessMode): ConfigBuilder {
  return b
    .withNamespace('user')
    .withUidMappings({ containerID: 0, hostID: m.uid, size: 1 })
    .withGidMappings({ containerID: 0, hostID: m.gid, size: 1 });
}
