/**
 * The sweep: everything a run's ledger names, removed. Used at the end of
 * every run (after the per-case cleanups, so usually there is nothing left)
 * and by `oci-conform cleanup` after a crash. Removes the ledger only when
 * nothing was left behind.
 */
import { rmSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CgroupLayout } from './inspect/cgroup-layout.js';
import { detectCgroupLayout } from './inspect/cgroup-layout.js';
import { findRunCgroups, killIfOurs, processStartTime, removeCgroupTree, removeTree } from './cleanup.js';
import { RuntimeDriver } from './driver/driver.js';
import { listLedgers, readLedger, type Ledger, type LedgerContents } from './ledger.js';
import { profileByName, profileFor } from './profiles/index.js';

async function sweepContents(c: LedgerContents, layout: CgroupLayout, driver: RuntimeDriver): Promise<string[]> {
  const left: string[] = [];
  // Containers the ledger names, plus any the runtime still keeps in our private state root.
  const ids = new Set(c.containers);
  for (const e of await readdir(c.run.stateRoot).catch(() => [])) ids.add(e);
  for (const id of ids) await driver.delete(id, { force: true });
  for (const p of c.pids) await killIfOurs(p.pid, p.startTime);
  for (const d of await findRunCgroups(c.run.cgroupPrefix, layout).catch(() => [])) left.push(...(await removeCgroupTree(d)));
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
  readonly leftovers: readonly string[];
}

/** `oci-conform cleanup`: sweeps every ledger whose run is no longer alive (or all, with force). */
export async function sweepLedgers(opts: { force?: boolean; dir?: string } = {}): Promise<SweepReport[]> {
  const layout = await detectCgroupLayout();
  const out: SweepReport[] = [];
  for (const file of listLedgers(opts.dir)) {
    const c = readLedger(file);
    if (!c) continue;
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

async function isOciConform(pid: number): Promise<boolean> {
  if ((await processStartTime(pid)) === undefined) return false;
  const cmd = await readFile(join('/proc', String(pid), 'cmdline'), 'utf8').catch(() => '');
  return cmd.includes('oci-conform') || cmd.includes('harness/cli');
}
