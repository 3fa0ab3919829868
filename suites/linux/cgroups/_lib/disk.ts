/**
 * A real block device of this host for blockIO cases: the whole disk under
 * the root filesystem (its partition's parent), else the first disk in
 * /sys/block that is not a loop, ram or zram device. Only read here; the
 * runtime writes limits for it in the container's own cgroup.
 */
import { access, readFile, readdir, readlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readMountinfo } from '../../../case.js';

export interface Disk {
  readonly major: number;
  readonly minor: number;
  readonly name: string;
}

async function devOf(sysDir: string): Promise<Disk | undefined> {
  try {
    const [maj, min] = (await readFile(join(sysDir, 'dev'), 'utf8')).trim().split(':').map(Number);
    return maj === undefined || min === undefined ? undefined : { major: maj, minor: min, name: basename(sysDir) };
  } catch {
    return undefined;
  }
}

export async function hostDisk(): Promise<Disk | undefined> {
  const root = (await readMountinfo('self').catch(() => [])).find((m) => m.mountPoint === '/');
  const dev = root?.device;
  if (dev && !dev.startsWith('0:')) {
    try {
      const link = join('/sys/dev/block', dev);
      const real = join('/sys/dev/block', await readlink(link));
      const isPart = await access(join(real, 'partition')).then(
        () => true,
        () => false,
      );
      const d = await devOf(isPart ? dirname(real) : real);
      if (d) return d;
    } catch {
      /* fall through to /sys/block */
    }
  }
  for (const name of (await readdir('/sys/block').catch(() => [] as string[])).sort()) {
    if (/^(loop|ram|zram|nbd|dm-)/.test(name)) continue;
    const d = await devOf(join('/sys/block', name));
    if (d) return d;
  }
  return undefined;
}
