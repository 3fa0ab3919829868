/**
 * A directory made a shared mount of its own (bind-mounted onto itself in our
 * mount namespace, then --make-shared), for cases whose check needs a shared
 * parent: on hosts where every mount is private, "private" could not be told
 * from "left as it was". `release` unmounts it (lazily, so a container still
 * holding it does not keep it busy).
 */
export interface SharedBind {
  release(): Promise<void>;
}

/** Makes `dir` a shared bind mount of itself; undefined with the reason when mount(8) refuses. */
export async function sharedBind(dir: string): Promise<SharedBind | string> {
  const { execa } = await import('execa'); // execa on first use: importing it costs more CPU than starting node (bench/README.md, "spawn").
  const bind = await execa('mount', ['--bind', dir, dir], { reject: false });
  if (bind.failed) return `mount --bind ${dir} failed: ${bind.stderr.split('\n')[0] || bind.shortMessage}`;
  const release = async (): Promise<void> => void (await execa('umount', ['-l', dir], { reject: false }));
  const share = await execa('mount', ['--make-shared', dir], { reject: false });
  if (share.failed) {
    await release();
    return `mount --make-shared ${dir} failed: ${share.stderr.split('\n')[0] || share.shortMessage}`;
  }
  return { release };
}
