/**
 * Rewrites linux.cgroupsPath in a bundle's config.json before create. The
 * harness sets a run-unique RELATIVE path (prefix/id); cases about other
 * forms derive theirs from it, keeping the run prefix as the first segment
 * so the harness's cleanup (which looks for the prefix under our own cgroup
 * and at each hierarchy's root) still finds and removes the directories.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function setCgroupsPath(bundle: string, path: string): Promise<void> {
  const file = join(bundle, 'config.json');
  const doc = JSON.parse(await readFile(file, 'utf8')) as { linux?: { cgroupsPath?: string } };
  doc.linux = { ...doc.linux, cgroupsPath: path };
  await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
}
