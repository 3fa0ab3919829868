/**
 * linux.namespaces read as the runtime acts on them: each type is created,
 * joined by path, or (absent) shared with the runtime. A path must be a
 * namespace file of the type named (checked with the NS_GET_NSTYPE ioctl, so a
 * bind-mounted nsfs file counts and a regular file does not). sysctls are
 * checked against the namespaces too: a namespaced sysctl is only written in a
 * namespace of the container's own (runc does the same), any other is refused.
 */
import { closeSync, openSync } from 'node:fs';
import {
  CLONE_NEWCGROUP,
  CLONE_NEWIPC,
  CLONE_NEWNET,
  CLONE_NEWNS,
  CLONE_NEWPID,
  CLONE_NEWTIME,
  CLONE_NEWUSER,
  CLONE_NEWUTS,
  errno,
  ioctl,
  strerror,
} from './libc.js';
import type { NamespaceType, Spec } from './spec.js';
import { RuntimeError } from './store.js';

export const CLONE_FLAG: Record<NamespaceType, number> = {
  pid: CLONE_NEWPID,
  network: CLONE_NEWNET,
  mount: CLONE_NEWNS,
  ipc: CLONE_NEWIPC,
  uts: CLONE_NEWUTS,
  user: CLONE_NEWUSER,
  cgroup: CLONE_NEWCGROUP,
  time: CLONE_NEWTIME,
};

/** The option of util-linux unshare/nsenter for each type. */
export const UTIL_OPTION: Record<NamespaceType, string> = {
  pid: '--pid',
  network: '--net',
  mount: '--mount',
  ipc: '--ipc',
  uts: '--uts',
  user: '--user',
  cgroup: '--cgroup',
  time: '--time',
};

const NS_GET_NSTYPE = 0xb703;

export interface NamespacePlan {
  readonly create: ReadonlySet<NamespaceType>;
  readonly join: ReadonlyMap<NamespaceType, string>;
}

export function has(p: NamespacePlan, t: NamespaceType): boolean {
  return p.create.has(t) || p.join.has(t);
}

/** Reads linux.namespaces; throws RuntimeError for a duplicate type, an unknown type or a bad path. */
export function planNamespaces(spec: Spec): NamespacePlan {
  const create = new Set<NamespaceType>();
  const join = new Map<NamespaceType, string>();
  const seen = new Set<string>();
  for (const [i, ns] of (spec.linux?.namespaces ?? []).entries()) {
    const where = `linux.namespaces[${i}]`;
    if (!(ns.type in CLONE_FLAG)) throw new RuntimeError(`${where}: unknown namespace type ${JSON.stringify(ns.type)}`);
    if (seen.has(ns.type)) throw new RuntimeError(`${where}: namespace type ${ns.type} is listed twice`);
    seen.add(ns.type);
    if (ns.path === undefined || ns.path === '') {
      create.add(ns.type);
      continue;
    }
    checkNamespaceFile(where, ns.type, ns.path);
    join.set(ns.type, ns.path);
  }
  if (has({ create, join }, 'user') === false && (spec.linux?.uidMappings?.length || spec.linux?.gidMappings?.length)) {
    throw new RuntimeError('linux.uidMappings/gidMappings are given but there is no user namespace in linux.namespaces');
  }
  if (create.has('user') && !(spec.linux?.uidMappings?.length && spec.linux?.gidMappings?.length)) {
    throw new RuntimeError('linux.namespaces: a new user namespace needs linux.uidMappings and linux.gidMappings');
  }
  if (spec.linux?.timeOffsets && !create.has('time')) {
    throw new RuntimeError('linux.timeOffsets needs a new time namespace (linux.namespaces has no time entry without a path)');
  }
  return { create, join };
}

function checkNamespaceFile(where: string, type: NamespaceType, path: string): void {
  if (!path.startsWith('/')) throw new RuntimeError(`${where} (${type}): path ${path} is not absolute`);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new RuntimeError(`${where} (${type}): ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  try {
    const t = ioctl(fd, NS_GET_NSTYPE, 0);
    if (t < 0) throw new RuntimeError(`${where} (${type}): ${path} is not a namespace file (${strerror(errno())})`);
    if (t !== CLONE_FLAG[type]) {
      const actual = (Object.keys(CLONE_FLAG) as NamespaceType[]).find((k) => CLONE_FLAG[k] === t) ?? `0x${t.toString(16)}`;
      throw new RuntimeError(`${where}: ${path} is a ${actual} namespace, not ${type}`);
    }
  } finally {
    closeSync(fd);
  }
}

/** Which namespace a sysctl belongs to (kernel docs: namespaced sysctls), or undefined for a host-wide one. */
function sysctlNamespace(key: string): NamespaceType | undefined {
  const k = key.replace(/\//g, '.');
  if (/^kernel\.(msgmax|msgmnb|msgmni|sem|shmall|shmmax|shmmni|shm_rmid_forced)$/.test(k) || k.startsWith('fs.mqueue.')) return 'ipc';
  if (k.startsWith('net.')) return 'network';
  if (k === 'kernel.hostname' || k === 'kernel.domainname') return 'uts';
  return undefined;
}

/** linux.sysctl: each key namespaced, and in a namespace the container does not share with the host. */
export function checkSysctls(spec: Spec, p: NamespacePlan): void {
  for (const key of Object.keys(spec.linux?.sysctl ?? {})) {
    const ns = sysctlNamespace(key);
    if (!ns) throw new RuntimeError(`linux.sysctl ${key}: not a namespaced sysctl; setting it would change the host`);
    if (!has(p, ns)) throw new RuntimeError(`linux.sysctl ${key}: the container shares the host's ${ns} namespace; setting it would change the host`);
  }
  if (spec.hostname !== undefined && spec.hostname !== '' && !has(p, 'uts')) throw new RuntimeError('hostname: the container has no uts namespace of its own, so setting it would change the host');
  if (spec.domainname !== undefined && spec.domainname !== '' && !has(p, 'uts')) throw new RuntimeError('domainname: the container has no uts namespace of its own, so setting it would change the host');
}

/** Opens a namespace file and closes it after `f`. */
export function withNsFd<T>(path: string, f: (fd: number) => T): T {
  const fd = openSync(path, 'r');
  try {
    return f(fd);
  } finally {
    closeSync(fd);
  }
}
