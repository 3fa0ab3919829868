/**
 * The sweep: everything a run's ledger names, removed. Used at the end of
 * every run (after the per-case cleanups, so usually there is nothing left)
 * and by `oci-conform cleanup` after a crash. Removes the ledger only when
 * nothing was left behind.
 */
import { rmSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { CgroupLayout } from './inspect/cgroup-layout.js';
import { detectCgroupLayout } from './inspect/cgroup-layout.js';
import { findRunCgroups, killIfOurs, killMarked, processStartTime, removeCgroupTree, removeTree, RUN_MARKER } from './cleanup.js';
import { RuntimeDriver } from './driver/driver.js';
import { ledgerDir, LedgerUnreadable, listLedgers, readLedger, type Ledger, type LedgerContents, type RunEntry } from './ledger.js';
import { profileByName, profileFor } from './profiles/index.js';

async function sweepContents(c: LedgerContents, layout: CgroupLayout, driver: RuntimeDriver): Promise<string[]> {
  const left: string[] = [];
  // First the run's runtime calls still going (a SIGKILLed run's `create` goes on without it): stopped, so none
  // brings a container to life after its delete. Its containers' processes are found by cgroup and pid below.
  await killMarked(RUN_MARKER, c.run.runId);
  // Containers the ledger names, plus any the runtime still keeps in our private state root.
  const ids = new Set(c.containers);
  for (const e of await readdir(c.run.stateRoot).catch(() => [])) ids.add(e);
  for (const id of ids) await driver.delete(id, { force: true });
  for (const p of c.pids) await killIfOurs(p.pid, p.startTime);
  for (const d of await findRunCgroups(c.run.cgroupPrefix, layout).catch(() => [])) left.push(...(await removeCgroupTree(d)));
  await killMarked(RUN_MARKER, c.run.runId); // what a `delete` of a broken runtime forked
  left.push(...(await removeTree(c.run.runDir).catch((e: Error) => [`${c.run.runDir} (${e.message})`])));
  return left;
}

export async function sweepRun(o: { ledger: Ledger; layout: CgroupLayout; driver: RuntimeDriver }): Promise<string[]> {
  const c = readLedger(o.ledger.file);
  if (!c) return [];
  const left = await sweepContents(c, o.layout, o.driver);
  if (left.length === 0) o.ledger.remove();
  return left;
}

export interface SweepReport {
  readonly file: string;
  readonly runId: string;
  readonly skipped?: string;
  /** The ledger file could not be read (EACCES: another user's run): nothing of that run was swept. */
  readonly unreadable?: string;
  readonly leftovers: readonly string[];
}

/** Reads a ledger; a file this user can't read is reported, never thrown; a file gone meanwhile is undefined. */
function readLedgerChecked(file: string): LedgerContents | { unreadable: string } | undefined {
  try {
    return readLedger(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === 'ENOENT' ? undefined : { unreadable: code ?? String(e) };
  }
}

/**
 * `oci-conform cleanup`: sweeps every ledger whose run is no longer alive (or all, with force). Throws
 * LedgerUnreadable when the ledger directory can't be read (a user without the rights to it).
 */
export async function sweepLedgers(opts: { force?: boolean; dir?: string } = {}): Promise<SweepReport[]> {
  const files = listLedgers(opts.dir);
  const layout = await detectCgroupLayout();
  const out: SweepReport[] = [];
  for (const file of files) {
    const c = readLedgerChecked(file);
    if (!c) continue;
    if ('unreadable' in c) {
      out.push({ file, runId: basename(file, '.jsonl'), unreadable: c.unreadable, leftovers: [] });
      continue;
    }
    if (!opts.force && c.run.pid !== process.pid && (await isOciConform(c.run.pid))) {
      out.push({ file, runId: c.run.runId, skipped: `run ${c.run.runId} is still going (pid ${c.run.pid}); use --force to sweep it anyway`, leftovers: [] });
      continue;
    }
    const profile = profileByName(c.run.profile) ?? profileFor(c.run.binary);
    const driver = new RuntimeDriver({ binary: c.run.binary, profile, stateRoot: profile.rootFlag ? c.run.stateRoot : undefined, timeoutMs: 30_000 });
    const left = await sweepContents(c, layout, driver);
    if (left.length === 0) rmSync(file, { force: true });
    out.push({ file, runId: c.run.runId, leftovers: left });
  }
  return out;
}

/**
 * Runs whose ledger is still there although the run is gone (SIGKILL, a crash, power loss, or a sweep that left
 * something): a new run warns that a sweep is due. Unreadable ledgers are not this user's to sweep: ignored here.
 */
export async function staleRuns(dir = ledgerDir()): Promise<RunEntry[]> {
  let files: string[];
  try {
    files = listLedgers(dir);
  } catch (e) {
    if (e instanceof LedgerUnreadable) return [];
    throw e;
  }
  const out: RunEntry[] = [];
  for (const f of files) {
    const c = readLedgerChecked(f);
    if (!c || 'unreadable' in c) continue;
    if (c.run.pid === process.pid || (await isOciConform(c.run.pid))) continue;
    out.push(c.run);
  }
  return out;
}

async function isOciConform(pid: number): Promise<boolean> {
  if ((await processStartTime(pid)) === undefined) return false;
  const cmd = await readFile(join('/proc', String(pid), 'cmdline'), 'utf8').catch(() => '');
  return cmd.includes('oci-conform') || cmd.includes('harness/cli');
}
