/** cgroup.procs of a cgroupfs directory, as pids (empty when unreadable). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function pathsOf(dir: string | undefined): Promise<number[]> {
  if (!dir) return [];
  try {
    return (await readFile(join(dir, 'cgroup.procs'), 'utf8')).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
