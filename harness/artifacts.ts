/**
 * The config.json of each container of a case that did not pass, kept after the run (its work directory is
 * removed): `<dir>/<case id>/<container id>.config.json`, pretty-printed. The result then names the file
 * (`configs[].file`), so the console shows a path instead of the whole document and the JSON report has it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseResult } from './model.js';

/** Case and container ids are ours ([a-z0-9.-]); anything else is replaced so a path can't leave `dir`. */
const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');

export async function saveConfigs(dir: string, r: CaseResult): Promise<CaseResult> {
  if (r.configs.length === 0) return r;
  const caseDir = join(dir, safe(r.id));
  await mkdir(caseDir, { recursive: true });
  const configs = await Promise.all(
    r.configs.map(async (c) => {
      const file = join(caseDir, `${safe(c.id)}.config.json`);
      await writeFile(file, `${JSON.stringify(c.config, null, 2)}\n`);
      return { ...c, file };
    }),
  );
  return { ...r, configs };
}
