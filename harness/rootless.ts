/**
 * Rootless runs: oci-conform started by an unprivileged user, driving a runtime in its rootless mode
 * (a profile with `rootless: true`, such as runc-rootless). What changes is data the cases never see:
 *
 * - every container gets a user namespace of its own in which container root is the caller (one id each: an
 *   unprivileged process may write exactly that mapping, user_namespaces(7)); when the caller has subordinate
 *   ids (/etc/subuid and /etc/subgid) and newuidmap/newgidmap are installed, container ids from 1 up map to
 *   them too (the runtime writes those mappings through the two setuid helpers);
 * - no cgroupsPath is written unless container cgroups can be made (the `cgroup-write` condition: root, or
 *   a cgroup delegated to the caller), since runtimes refuse a path they can't create;
 * - cases that need host privileges declare `root` and skip with the probe's reason.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { ConfigBuilder, IdMapping } from '../fixtures/config.js';
import { onPath } from './discover.js';

export interface IdRange {
  readonly start: number;
  readonly count: number;
}

export interface RootlessMode {
  /** The caller's uid and gid: container root is mapped to them. */
  readonly uid: number;
  readonly gid: number;
  /** The caller's subordinate ranges, mapped from container id 1 up; absent with `noSubordinate` saying why. */
  readonly subordinate?: { readonly uid: IdRange; readonly gid: IdRange };
  readonly noSubordinate?: string;
}

/** The first range /etc/subuid or /etc/subgid text gives the user (by name or by id), if any. */
export function subordinateRange(text: string, user: string, id: number): IdRange | undefined {
  for (const line of text.split('\n')) {
    const [who, start, count] = line.trim().split(':');
    if ((who !== user && who !== String(id)) || start === undefined || count === undefined) continue;
    const r = { start: Number(start), count: Number(count) };
    if (Number.isInteger(r.start) && r.start > 0 && Number.isInteger(r.count) && r.count > 0) return r;
  }
  return undefined;
}

const read = (f: string): string => {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return '';
  }
};

/** The mode of this process when its profile is rootless; undefined for a run as root. */
export function rootlessMode(profileRootless: boolean | undefined): RootlessMode | undefined {
  if (!profileRootless) return undefined;
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  const user = (() => {
    try {
      return userInfo().username;
    } catch {
      return String(uid);
    }
  })();
  const missing = ['newuidmap', 'newgidmap'].filter((h) => !onPath(h));
  if (missing.length > 0) return { uid, gid, noSubordinate: `${missing.join(' and ')} not installed (Debian: uidmap)` };
  const su = subordinateRange(read('/etc/subuid'), user, uid);
  const sg = subordinateRange(read('/etc/subgid'), user, uid);
  if (!su || !sg) return { uid, gid, noSubordinate: `no subordinate ${!su ? 'uids in /etc/subuid' : 'gids in /etc/subgid'} for ${user}` };
  return { uid, gid, subordinate: { uid: su, gid: sg } };
}

const mappings = (own: number, sub: IdRange | undefined): IdMapping[] => [
  { containerID: 0, hostID: own, size: 1 },
  ...(sub ? [{ containerID: 1, hostID: sub.start, size: sub.count }] : []),
];

/** The base config of a rootless run: a user namespace whose root is the caller (and 1 up its subordinate ids). */
export function withCallerAsRoot(b: ConfigBuilder, m: RootlessMode): ConfigBuilder {
  return b
    .withNamespace('user')
    .withUidMappings(...mappings(m.uid, m.subordinate?.uid))
    .withGidMappings(...mappings(m.gid, m.subordinate?.gid));
}
