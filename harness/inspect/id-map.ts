/**
 * /proc/<pid>/uid_map and gid_map as the host reads them: each line maps a range of ids inside the process's
 * user namespace to ids of ours. process.user's ids are ids inside the container's user namespace, while the
 * host's /proc/<pid>/status shows them as ours: `hostIds` translates what a config says into what the host
 * sees (the identity without a user namespace of the container's own, where the map reads `0 0 4294967295`).
 */
import { readProcFile } from './host-view.js';

export interface IdRangeMap {
  readonly inside: number;
  readonly outside: number;
  readonly size: number;
}

export function parseIdMap(text: string): IdRangeMap[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((f) => f.length === 3 && f.every((n) => Number.isInteger(n)))
    .map(([inside, outside, size]) => ({ inside: inside!, outside: outside!, size: size! }));
}

/** The id of ours that `id` inside the namespace is, or undefined when the map leaves it unmapped. */
export function toOutside(map: readonly IdRangeMap[], id: number): number | undefined {
  const r = map.find((m) => id >= m.inside && id < m.inside + m.size);
  return r ? r.outside + (id - r.inside) : undefined;
}

/** Translates container uids or gids of `pid`'s user namespace into the host's ids (undefined: unmapped). */
export async function hostIds(pid: number, kind: 'uid' | 'gid', ids: readonly number[]): Promise<(number | undefined)[]> {
  const map = parseIdMap(await readProcFile(pid, `${kind}_map`));
  return ids.map((id) => toOutside(map, id));
}
