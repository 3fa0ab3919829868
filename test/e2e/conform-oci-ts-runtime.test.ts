/**
 * The main job of the README, end to end: oci-conform with no --runtime drives
 * our own oci-ts-runtime (bin/oci-ts-runtime.js, built by `npm run build` as
 * `npm test` does) through every case, gated on its committed baseline, at the
 * version its features negotiate (1.3.0) and at runc's (1.0.2-dev), and leaves
 * nothing behind: no container, process, cgroup or mount of the run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTree } from '../../harness/cleanup.js';
import { leftovers, makeRunDir, runCli } from './conform/leftovers.js';

const OURS = join(import.meta.dirname, '..', '..', 'bin', 'oci-ts-runtime.js');
const built = existsSync(join(import.meta.dirname, '..', '..', 'dist', 'oci-ts-runtime.js'));
const root = process.getuid?.() === 0;

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => ({ dir, env } = await makeRunDir('oci-conform-ots-e2e-')));
afterAll(async () => {
  await removeTree(dir);
});

describe.skipIf(!built || !root)('oci-conform with its default runtime, oci-ts-runtime', () => {
  for (const version of [undefined, '1.0.2-dev']) {
    it(`a full run${version ? ` at --spec-version ${version}` : ''} matches the committed baseline and leaves nothing behind`, { timeout: 900_000 }, async () => {
      const json = join(dir, `full-${version ?? 'default'}.json`);
      const r = await runCli(
        ['--expectations', 'ci/expectations/oci-ts-runtime.yaml', ...(version ? ['--spec-version', version] : []), '--reporter', `json=${json}`, '--reporter', 'console'],
        { env },
      );
      expect(r.code, `${r.stdout.slice(-6000)}\n${r.stderr}`).toBe(0);
      expect(r.stderr).toContain(`driving ${OURS}`);
      const doc = JSON.parse(await readFile(json, 'utf8'));
      expect(doc.run.runtime.binary).toBe(OURS);
      expect(doc.run.specVersion).toBe(version ?? '1.3.0'); // our features: ociVersionMax 1.3.0
      const all = (await runCli(['list'], { env })).stdout.trim().split('\n');
      expect(doc.results).toHaveLength(all.length);
      // every case passes or skips for a stated host reason (the baseline is empty)
      const failed = doc.results.filter((x: { outcome: { status: string } }) => !['pass', 'skip'].includes(x.outcome.status)).map((x: { id: string }) => x.id);
      expect(failed).toEqual([]);
      expect(doc.summary.leftovers).toEqual([]);
      expect(leftovers({ runId: doc.run.runId, workDir: doc.run.workDir, ledgerDir: env.OCI_CONFORM_LEDGER_DIR! })).toEqual([]);
    });
  }
});
