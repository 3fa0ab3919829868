/** /proc/<pid>/uid_map and gid_map in the config's shape: [{containerID, hostID, size}]. */
import { type IdMapping, readProcFile } from '../../../case.js';

export function parseIdMap(text: string): IdMapping[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length === 3)
    .map(([c, h, s]) => ({ containerID: Number(c), hostID: Number(h), size: Number(s) }));
}

export async function readIdMap(pid: number, which: 'uid_map' | 'gid_map'): Promise<IdMapping[]> {
  return parseIdMap(await readProcFile(pid, which));
}
