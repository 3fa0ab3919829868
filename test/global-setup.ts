/**
 * vitest's global set-up: every oci-conform run a test starts keeps the configs of cases that did not pass
 * (--artifacts, default $OCI_CONFORM_ARTIFACTS_DIR, else oci-conform-artifacts in the temp dir, kept for the user
 * to read). Tests point that at a directory of their own, removed when the tests end, so a test run leaves none
 * in the temp dir. A test that needs its own (another user's run) sets it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'oci-conform-test-artifacts-'));
  process.env.OCI_CONFORM_ARTIFACTS_DIR ??= dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
