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
  readonly needs: readonly Condition[];
  /** First runtime-spec version listing the type (the time namespace came in 1.1.0). */
  readonly since: string;
}

export const NS_INFO: Readonly<Record<NamespaceType, NsInfo>> = {
  pid: { needs: ['root'], since: '1.0.0' },
  network: { needs: ['root'], since: '1.0.0' },
  mount: { needs: ['root'], since: '1.0.0' },
  ipc: { needs: ['root'], since: '1.0.0' },
  uts: { needs: ['root'], since: '1.0.0' },
  user: { needs: ['root', 'userns'], since: '1.0.0' },
  cgroup: { needs: ['root', 'cgroupns'], since: '1.0.0' },
  time: { needs: ['root', 'timens'], since: '1.1.0' },
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
