/**
 * Where a run keeps its bundles and state root. Every container gets a
 * rootfs copy of a few hundred tiny entries, which on a busy disk filesystem
 * costs hundreds of milliseconds and on tmpfs about ten: so prefer a tmpfs
 * that allows exec (/dev/shm), unless $OCI_CONFORM_TMPDIR says otherwise.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { mountAt, parseMountinfo, type MountEntry } from './inspect/mountinfo.js';

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The chosen base directory (pure over a mount table, for tests). */
export function pickRunBase(mounts: readonly MountEntry[], env: NodeJS.ProcessEnv = process.env, canWrite: (d: string) => boolean = writable): string {
  if (env.OCI_CONFORM_TMPDIR) return env.OCI_CONFORM_TMPDIR;
  const shm = mountAt(mounts, '/dev/shm');
  if (shm && shm.fstype === 'tmpfs' && !shm.options.includes('noexec') && !shm.options.includes('ro') && canWrite('/dev/shm')) return '/dev/shm';
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
