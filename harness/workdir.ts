/**
 * Where a run keeps its bundles and state root. Every container gets a
 * rootfs copy of a few hundred tiny entries, which on a busy disk filesystem
 * costs hundreds of milliseconds and on tmpfs about ten: so prefer a tmpfs
 * (/dev/shm), unless $OCI_CONFORM_TMPDIR says otherwise. The mount must allow
 * exec (the rootfs's programs run from it) and device nodes: the devices
 * cases make nodes in the rootfs, and a runtime bind-mounts the rootfs with
 * its mount's flags, so on a `nodev` mount (systemd mounts /dev/shm and often
 * /tmp so) every open of a node fails with EACCES whatever the cgroup says.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseMountinfo, type MountEntry } from './inspect/mountinfo.js';

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The mount a path lives on: the deepest mount point that is the path or above it (the last mounted wins). */
export function mountOf(entries: readonly MountEntry[], path: string): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const m of entries) {
    const p = m.mountPoint;
    const above = p === '/' || path === p || path.startsWith(`${p}/`);
    if (above && (!best || p.length >= best.mountPoint.length)) best = m;
  }
  return best;
}

const usable = (m: MountEntry | undefined): boolean => m !== undefined && !['ro', 'noexec', 'nodev'].some((o) => m.options.includes(o));

/** The chosen base directory (pure over a mount table, for tests). */
export function pickRunBase(mounts: readonly MountEntry[], env: NodeJS.ProcessEnv = process.env, canWrite: (d: string) => boolean = writable): string {
  if (env.OCI_CONFORM_TMPDIR) return env.OCI_CONFORM_TMPDIR;
  const shm = mountOf(mounts, '/dev/shm');
  if (shm?.mountPoint === '/dev/shm' && shm.fstype === 'tmpfs' && usable(shm) && canWrite('/dev/shm')) return '/dev/shm';
  for (const dir of [tmpdir(), '/var/tmp']) if (usable(mountOf(mounts, dir)) && canWrite(dir)) return dir;
  return tmpdir();
}

export function runBase(): string {
  let mounts: MountEntry[] = [];
  try {
    mounts = parseMountinfo(readFileSync('/proc/self/mountinfo', 'utf8'));
  } catch {
    /* fall back to tmpdir */
  }
  return pickRunBase(mounts);
}
