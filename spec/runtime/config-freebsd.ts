import type { CheckedBy, Keyword, Requirement } from '../types.js';

const NEEDS_FREEBSD: CheckedBy = { by: 'untestable', why: 'needs a FreeBSD host and a jail-based runtime; oci-conform drives Linux runtimes only' };

function bsd(id: string, keyword: Keyword, anchor: string, summary: string, check: CheckedBy): Requirement {
  return { id, spec: 'runtime-spec', keyword, doc: 'config-freebsd.md', anchor, since: '1.3.0', summary, check, platforms: ['freebsd'] };
}

/** Requirements of runtime-spec config-freebsd.md (since 1.3.0). */
export const CONFIG_FREEBSD: readonly Requirement[] = [
  bsd('BSD-DEVFS-AT-DEV', 'SHOULD', 'devices', 'A FreeBSD container has a devfs filesystem mounted on /dev.', { by: 'static' }),
  bsd('BSD-DEVICE-PATH-REQUIRED', 'REQUIRED', 'devices', 'Every freebsd.devices entry has a path, relative to /dev.', { by: 'static' }),
  bsd('BSD-JAIL-FIELDS-MAPPED', 'SHOULD', 'jail', 'The freebsd.jail fields are turned into the matching jail(8) parameters.', NEEDS_FREEBSD),
  bsd('BSD-JAIL-NAME-CONTAINER-ID', 'SHOULD', 'jail', 'The jail is named after the container ID given to create.', NEEDS_FREEBSD),
  bsd('BSD-JAIL-VNET-NEW-IP-UNSET', 'SHOULD', 'jail', 'A container with a network stack of its own sets jail.vnet to new and leaves jail.ip4 and jail.ip6 unset.', { by: 'static' }),
  bsd('BSD-JAIL-SHARED-VNET-IP-INHERIT', 'SHOULD', 'jail', 'A container sharing the parent vnet leaves jail.vnet unset and sets jail.ip4 and jail.ip6 to inherit.', {
    by: 'untestable',
    why: 'a config cannot tell whether a container without vnet means to share the host network or to have none; only a wrong combination with vnet new is checked (BSD-JAIL-VNET-NEW-IP-UNSET)',
  }),
  bsd('BSD-JAIL-CHILDREN-MAX-MANAGED', 'SHOULD', 'jail', 'The runtime manages the children.max jail parameter (e.g. for containers sharing namespaces).', NEEDS_FREEBSD),
];
