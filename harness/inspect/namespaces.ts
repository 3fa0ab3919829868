/**
 * Namespaces of a process, by the config's type names. Identity is the nsfs
 * (device, inode) pair of /proc/<pid>/ns/<kind>, so "the container has its own
 * uts namespace" is "its uts identity differs from ours", and "it joined the
 * path in the config" is "its identity equals that path's".
 */
import { readlink, stat } from 'node:fs/promises';
import type { NamespaceType } from '../../fixtures/config.js';
import { pidOfProcPath, requireHostView } from './host-view.js';

/** Spec type -> the file name under /proc/<pid>/ns. */
export const NS_FILE: Readonly<Record<NamespaceType, string>> = {
  pid: 'pid',
  network: 'net',
  mount: 'mnt',
  ipc: 'ipc',
  uts: 'uts',
  user: 'user',
  cgroup: 'cgroup',
  time: 'time',
};

export interface NamespaceId {
  readonly dev: number;
  readonly inode: number;
  /** The magic link text, e.g. 'uts:[4026531838]'. */
  readonly link: string;
}

/** Identity of a namespace file (a /proc/<pid>/ns/* link or a bind mount of one). */
export async function namespaceIdOf(path: string): Promise<NamespaceId> {
  const pid = pidOfProcPath(path);
  if (pid !== undefined) requireHostView(pid);
  const [st, link] = await Promise.all([stat(path), readlink(path).catch(() => '')]);
  return { dev: st.dev, inode: st.ino, link };
}

export async function namespaceId(pid: number | 'self', type: NamespaceType): Promise<NamespaceId> {
  return namespaceIdOf(`/proc/${pid}/ns/${NS_FILE[type]}`);
}

export function sameNamespace(a: NamespaceId, b: NamespaceId): boolean {
  return a.dev === b.dev && a.inode === b.inode;
}

/** Every namespace of a process the kernel shows (types the kernel lacks are left out). */
export async function readNamespaces(pid: number | 'self'): Promise<Partial<Record<NamespaceType, NamespaceId>>> {
  requireHostView(pid); // before the per-type catch below, which would swallow the skip
  const out: Partial<Record<NamespaceType, NamespaceId>> = {};
  await Promise.all(
    (Object.keys(NS_FILE) as NamespaceType[]).map(async (t) => {
      try {
        out[t] = await namespaceId(pid, t);
      } catch {
        /* kernel without this namespace type */
      }
    }),
  );
  return out;
}

/** Types in which `pid` is in a different namespace from `other` (default: this process, i.e. the host's). */
export async function namespacesDifferentFrom(pid: number, other: number | 'self' = 'self'): Promise<NamespaceType[]> {
  const [a, b] = await Promise.all([readNamespaces(pid), readNamespaces(other)]);
  return (Object.keys(a) as NamespaceType[]).filter((t) => b[t] && !sameNamespace(a[t]!, b[t]!));
}
