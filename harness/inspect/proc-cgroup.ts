/**
 * /proc/<pid>/cgroup: the process's cgroup in each hierarchy. v1 lines name
 * their controllers ('4:memory:/a/b', '9:name=systemd:/'), the v2 line has an
 * empty list ('0::/a/b').
 */
import { readProcFile } from './host-view.js';

export interface ProcCgroups {
  /** v1 controller (or name=...) -> path inside that hierarchy. */
  readonly v1: Readonly<Record<string, string>>;
  /** Path inside the unified hierarchy, when the process has a v2 line. */
  readonly unified?: string;
}

export function parseProcCgroup(text: string): ProcCgroups {
  const v1: Record<string, string> = {};
  let unified: string | undefined;
  for (const line of text.split('\n')) {
    const m = /^(\d+):([^:]*):(.*)$/.exec(line);
    if (!m) continue;
    if (m[2] === '') unified = m[3];
    else for (const c of m[2]!.split(',')) v1[c] = m[3]!;
  }
  return { v1, unified };
}

export async function readProcCgroups(pid: number | 'self'): Promise<ProcCgroups> {
  return parseProcCgroup(await readProcFile(pid, 'cgroup'));
}
