/**
 * /proc/<pid>/mountinfo, parsed (proc(5)): one entry per mount, with the
 * per-mount options, the propagation (shared:N, master:N, unbindable or
 * private), the filesystem type, the source and the superblock options.
 */
import { readProcFile } from './host-view.js';

export type Propagation = 'shared' | 'slave' | 'shared+slave' | 'unbindable' | 'private';

export interface MountEntry {
  readonly id: number;
  readonly parentId: number;
  readonly device: string;
  /** Root of the mount inside its filesystem (a bind mount's source subpath). */
  readonly root: string;
  /** Mount point, relative to the reading process's root. */
  readonly mountPoint: string;
  /** Per-mount options: rw/ro, nosuid, nodev, noexec, relatime, ... */
  readonly options: readonly string[];
  readonly propagation: Propagation;
  /** The optional fields as written (shared:12, master:3, ...). */
  readonly optional: readonly string[];
  readonly fstype: string;
  readonly source: string;
  /** Superblock options: size=..., mode=..., controllers of a cgroup v1 mount, ... */
  readonly superOptions: readonly string[];
}

/** Undoes the kernel's octal escapes (\040 for space, \011, \012, \134). */
export function unescapeMountField(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

function propagationOf(optional: readonly string[]): Propagation {
  const shared = optional.some((o) => o.startsWith('shared:'));
  const slave = optional.some((o) => o.startsWith('master:'));
  if (shared && slave) return 'shared+slave';
  if (shared) return 'shared';
  if (slave) return 'slave';
  if (optional.includes('unbindable')) return 'unbindable';
  return 'private';
}

/** Parses mountinfo text; a malformed line throws naming the line number. */
export function parseMountinfo(text: string, source = 'mountinfo'): MountEntry[] {
  const out: MountEntry[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const f = line.split(' ');
    const sep = f.indexOf('-', 6);
    if (f.length < 10 || sep < 0 || f.length < sep + 3) throw new Error(`${source}:${i + 1}: not a mountinfo line: ${line}`);
    const optional = f.slice(6, sep);
    out.push({
      id: Number(f[0]),
      parentId: Number(f[1]),
      device: f[2] ?? '',
      root: unescapeMountField(f[3] ?? ''),
      mountPoint: unescapeMountField(f[4] ?? ''),
      options: (f[5] ?? '').split(','),
      propagation: propagationOf(optional),
      optional,
      fstype: f[sep + 1] ?? '',
      source: unescapeMountField(f[sep + 2] ?? ''),
      superOptions: (f[sep + 3] ?? '').split(',').filter(Boolean),
    });
  });
  return out;
}

export async function readMountinfo(pid: number | 'self'): Promise<MountEntry[]> {
  const file = `/proc/${pid}/mountinfo`;
  return parseMountinfo(await readProcFile(pid, 'mountinfo'), file);
}

/** The mount visible at `mountPoint` (the last one mounted there wins). */
export function mountAt(entries: readonly MountEntry[], mountPoint: string): MountEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]?.mountPoint === mountPoint) return entries[i];
  return undefined;
}
