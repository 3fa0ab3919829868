/**
 * `oci-conform cleanup` run by a user without the rights to read the ledger says so (exit 3, one line naming the
 * directory or file and the reason), never "nothing to clean up"; and leaves the ledger as it is. Runs the CLI
 * as the unprivileged user of .ci/rootless-user through setpriv (as test/e2e/rootless.test.ts does); needs root
 * and `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTree } from '../../harness/cleanup.js';
import { rootLedgerDirs } from '../../harness/ledger.js';
import { runCli, type CliResult } from './conform/leftovers.js';

const REPO = join(import.meta.dirname, '..', '..');
function whyNot(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root, to make the unprivileged user and run as it';
  if (!existsSync(join(REPO, 'dist'))) return 'needs `npm run build` first';
  const mk = spawnSync('bash', [join(REPO, '.ci', 'rootless-user')], { encoding: 'utf8' });
  return mk.status === 0 ? undefined : `.ci/rootless-user failed: ${mk.stderr.trim()}`;
}
const SKIP = whyNot();
const USER = SKIP ? '' : spawnSync('bash', [join(REPO, '.ci', 'rootless-user')], { encoding: 'utf8' }).stdout.trim();
const idOf = (flag: string): number => Number(spawnSync('id', [flag, USER], { encoding: 'utf8' }).stdout.trim());
const UID = SKIP ? -1 : idOf('-u');
const GID = SKIP ? -1 : idOf('-g');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-conform-cleanup-rights-'));
  chmodSync(dir, 0o755);
});
afterAll(async () => {
  if (dir) await removeTree(dir);
});

const asUser = (env: NodeJS.ProcessEnv): Promise<CliResult> =>
  runCli(['cleanup'], { prefix: ['setpriv', `--reuid=${UID}`, `--regid=${GID}`, '--clear-groups', '--'], cwd: REPO, env: { HOME: dir, ...env } });

/** A ledger of a dead run, as root's runs write it. */
function rootLedger(d: string, runId: string): string {
  mkdirSync(d, { recursive: true, mode: 0o700 });
  const file = join(d, `${runId}.jsonl`);
  const run = { kind: 'run', runId, pid: 2 ** 22 - 1, startedAt: '', binary: '/usr/bin/runc', profile: 'runc', globalArgs: [], stateRoot: join(dir, 'none', 'state'), runDir: join(dir, 'none'), cgroupPrefix: `oci-conform-${runId}` };
  writeFileSync(file, `${JSON.stringify(run)}\n`, { mode: 0o600 });
  return file;
}

describe.skipIf(SKIP)('oci-conform cleanup without the rights to read the ledger', () => {
  it('a ledger directory it may not read: exit 3, the directory and EACCES named, nothing swept', async () => {
    const ledger = join(dir, 'root-only');
    const file = rootLedger(ledger, 'ocdead01');
    const r = await asUser({ OCI_CONFORM_LEDGER_DIR: ledger });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`oci-conform: OCI_CONFORM_LEDGER_UNREADABLE: cannot read the ledger directory ${ledger} (EACCES) as uid ${UID}: nothing was swept; run \`oci-conform cleanup\` as the user whose runs it holds, or as root\n`);
    expect(existsSync(file)).toBe(true);
    // root may: the same ledger is swept
    const root = await runCli(['cleanup'], { env: { OCI_CONFORM_LEDGER_DIR: ledger } });
    expect(root.stdout).toBe('run ocdead01: swept\n');
    expect(existsSync(file)).toBe(false);
  });

  it('a ledger file it may not read, in a directory it may: that file named, exit 3', async () => {
    const ledger = join(dir, 'open-dir');
    const file = rootLedger(ledger, 'ocdead02');
    chmodSync(ledger, 0o755);
    const r = await asUser({ OCI_CONFORM_LEDGER_DIR: ledger });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe(`cannot read ledger ${file} (EACCES) as uid ${UID}: run ocdead02 not swept; run \`oci-conform cleanup\` as its owner or as root\n`);
    expect(r.stdout).not.toContain('nothing to clean up');
    expect(existsSync(file)).toBe(true);
  });

  it("with nothing of its own, the user is told of root's ledger when it exists and can't be read", async () => {
    const xdg = join(dir, 'xdg');
    mkdirSync(xdg, { mode: 0o700 });
    chownSync(xdg, UID, GID);
    const r = await asUser({ XDG_RUNTIME_DIR: xdg, OCI_CONFORM_LEDGER_DIR: '' });
    expect(r.code).toBe(0);
    const own = join(xdg, 'oci-conform', 'ledger');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`nothing to clean up (ledger ${own})`);
    // which of root's ledger dirs exist here is the host's: each that does is named, and only those
    const hidden = rootLedgerDirs().filter((d) => existsSync(d) && spawnSync('setpriv', [`--reuid=${UID}`, `--regid=${GID}`, '--clear-groups', '--', 'ls', d]).status !== 0);
    expect(lines.slice(1)).toEqual(hidden.map((d) => expect.stringMatching(new RegExp(`^root's runs keep their ledger in ${d}, which uid ${UID} cannot read \\(EACCES\\): run \`oci-conform cleanup\` as root to sweep those$`))));
  });
});
