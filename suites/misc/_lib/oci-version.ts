/**
 * Rewrites the ociVersion of a bundle's config.json before create, for cases
 * about which versions a runtime accepts (the harness otherwise writes the
 * run's version). The case notes it, since ctx.config shows the original.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function setBundleOciVersion(bundle: string, version: string): Promise<void> {
  const path = join(bundle, 'config.json');
  const doc = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  doc.ociVersion = version;
  await writeFile(path, `${JSON.stringify(doc, null, 2)}\n`);
}
