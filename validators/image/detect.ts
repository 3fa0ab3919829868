/** Telling what a path holds: a layout directory, a tar or gzip archive of one, or a docker-archive. */
import { closeSync, existsSync, lstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

export type ArchiveFormat = 'tar' | 'gzip' | 'zstd';

/** The first bytes of a file, without following a failure into an exception. */
function head(path: string, n: number): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const b = Buffer.alloc(n);
    const got = readSync(fd, b, 0, n, 0);
    return b.subarray(0, got);
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function archiveFormat(path: string): ArchiveFormat | undefined {
  const b = head(path, 512);
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (b.length >= 4 && b.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  if (b.length < 512) return undefined;
  if (b.toString('latin1', 257, 262) === 'ustar') return 'tar';
  // old-style tar: no magic, but a valid header checksum
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : b[i]!;
  const stored = parseInt(b.toString('latin1', 148, 156).replace(/\0/g, ' ').trim(), 8);
  return stored === sum ? 'tar' : undefined;
}

/** Whether a directory looks like an image layout (or a docker-archive, so that we can say what it is). */
export function looksLikeLayoutDir(dir: string): boolean {
  if (existsSync(join(dir, 'config.json'))) return false;
  for (const name of ['oci-layout', 'index.json', 'manifest.json']) {
    try {
      lstatSync(join(dir, name));
      return true;
    } catch {
      /* not there */
    }
  }
  return false;
}
