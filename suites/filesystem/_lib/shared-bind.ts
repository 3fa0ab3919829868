/**
 * A directory made a shared mount of its own (bind-mounted onto itself in our
 * mount namespace, then --make-shared), for cases whose check needs a shared
 * parent: on hosts where every mount is private, "private" could not be told
 * from "left as it was". `release` unmounts it (lazily, so a container still
 * holding it does not keep it busy).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SharedBind {
  release(): Promise<void>;
}

/** Makes `dir` a shared bind mount of itself; undefined with the reason when mount(8) refuses. */
export async function sharedBind(dir: string): Promise<SharedBind | string> {
  try {
    await run('mount', ['--bind', dir, dir]);
  } catch (e) {
    return `mount --bind ${dir} failed: ${(e as Error).message}`;
  }
  const release = async (): Promise<void> => void (await run('umount', ['-l', dir]).catch(() => undefined));
  try {
    await run('mount', ['--make-shared', dir]);
  } catch (e) {
    await release();
    return `mount --make-shared ${dir} failed: ${(e as Error).message}`;
  }
  return { release };
}
