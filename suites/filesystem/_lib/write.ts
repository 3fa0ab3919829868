/** Files a case puts into its own bundle's rootfs before create (never outside the bundle). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

/** Writes `content` at the container path `inside` of the rootfs under `bundle`. */
export async function putInRootfs(bundle: string, inside: string, content: string): Promise<string> {
  const root = join(bundle, 'rootfs');
  const target = resolve(root, `.${inside}`);
  if (relative(root, target).startsWith('..')) throw new Error(`putInRootfs: ${inside} leaves the rootfs`);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, content);
  return target;
}
