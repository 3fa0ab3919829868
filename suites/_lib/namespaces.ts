/**
 * Per namespace type: what a container needs to get one of its own (user
 * namespaces need id mappings), which host condition it needs, and from which
 * spec version the type exists. Shared by the create, join and inherit cases.
 */
import type { Condition, ConfigBuilder, IdMapping, NamespaceType } from '../case.js';

/**
 * Id mappings of the cases' user namespaces: container root is host root
 * (so it can reach a bundle below directories only root may search, such as
 * the harness's 0700 run directory), every other id from 1 up is host id
 * 100000 + id.
 */
export const USERNS_UID_MAPS: readonly IdMapping[] = [
  { containerID: 0, hostID: 0, size: 1 },
  { containerID: 1, hostID: 100001, size: 65535 },
];
export const USERNS_GID_MAPS: readonly IdMapping[] = USERNS_UID_MAPS;
/** Host id of container id `id` (>= 1) under the mappings above. */
export const mappedHostId = (id: number): number => 100000 + id;

export interface NsInfo {
  /** Conditions of a container with a new namespace of the type. */
  readonly needs: readonly Condition[];
  /**
   * Conditions of a container without an entry of the type (in ours). In a user namespace of its own (a rootless
   * run) a container can mount proc, sysfs and mqueue only in pid, network and ipc namespaces that user namespace
   * owns, and it can't leave our user namespace out: those take root.
   */
  readonly inheritNeeds: readonly Condition[];
  /** First runtime-spec version listing the type (the time namespace came in 1.1.0). */
  readonly since: string;
}

/**
 * Joining another container's namespace by path takes privilege over the user namespace owning it: root, since a
 * rootless run's containers each own a user namespace of their own.
 */
export const JOIN_NEEDS: readonly Condition[] = ['root'];

export const NS_INFO: Readonly<Record<NamespaceType, NsInfo>> = {
  pid: { needs: [], inheritNeeds: ['root'], since: '1.0.0' },
  network: { needs: [], inheritNeeds: ['root'], since: '1.0.0' },
  mount: { needs: [], inheritNeeds: [], since: '1.0.0' },
  ipc: { needs: [], inheritNeeds: ['root'], since: '1.0.0' },
  uts: { needs: [], inheritNeeds: [], since: '1.0.0' },
  // the cases' user namespaces map host root and ids from 100001 up (USERNS_UID_MAPS): only root may write that
  user: { needs: ['root', 'userns'], inheritNeeds: ['root'], since: '1.0.0' },
  cgroup: { needs: ['cgroupns'], inheritNeeds: [], since: '1.0.0' },
  time: { needs: ['timens'], inheritNeeds: [], since: '1.1.0' },
};

/** A new namespace of `type` (plus the id mappings a user namespace needs). */
export function withOwn(c: ConfigBuilder, type: NamespaceType): ConfigBuilder {
  const b = c.withNamespace(type);
  return type === 'user' ? b.withUidMappings(...USERNS_UID_MAPS).withGidMappings(...USERNS_GID_MAPS) : b;
}

/**
 * Joins the namespace at `path`. For a user namespace the config repeats the
 * mappings that namespace already has (as pod sandboxes do); the spec asks for
 * none, which join-user-no-mappings checks on its own.
 */
export function withJoined(c: ConfigBuilder, type: NamespaceType, path: string): ConfigBuilder {
  const b = c.withNamespace(type, path);
  return type === 'user' ? b.withUidMappings(...USERNS_UID_MAPS).withGidMappings(...USERNS_GID_MAPS) : b;
}

/**
 * No entry of `type`: the container stays in the runtime's namespace. Without
 * a uts namespace of its own a container must not set a host name (it would
 * be the host's), so hostname and domainname go too.
 */
export function withInherited(c: ConfigBuilder, type: NamespaceType): ConfigBuilder {
  const b = c.withoutNamespace(type);
  return type === 'uts' ? b.edit((d) => void (delete d.hostname, delete d.domainname)) : b;
}
