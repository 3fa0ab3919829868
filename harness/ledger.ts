/**
 * The ledger: what a run created, appended as JSON lines while the run goes,
 * in a well-known directory, so `oci-conform cleanup` can sweep after a crash
 * (kill -9, power loss). A run that ends normally removes its own ledger.
 *
 * Directory: $OCI_CONFORM_LEDGER_DIR, else for root /run/oci-conform/ledger
 * when writable, else <tmpdir>/oci-conform-ledger; for another user
 * $XDG_RUNTIME_DIR/oci-conform/ledger, else <tmpdir>/oci-conform-ledger-<uid>.
 */
import { accessSync, appendFileSync, constants, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunEntry {
  readonly kind: 'run';
  readonly runId: string;
  /** Process id of the oci-conform run. */
  readonly pid: number;
  readonly startedAt: string;
  readonly binary: string;
  readonly profile: string;
  readonly globalArgs: readonly string[];
  readonly stateRoot: string;
  readonly runDir: string;
  /** The first segment of every cgroupsPath of the run. */
  readonly cgroupPrefix: string;
}

export type LedgerEntry =
  | RunEntry
  | { readonly kind: 'container'; readonly id: string }
  | { readonly kind: 'pid'; readonly pid: number; readonly startTime: string };

export interface LedgerContents {
  readonly file: string;
  readonly run: RunEntry;
  readonly containers: readonly string[];
  readonly pids: readonly { pid: number; startTime: string }[];
}

export function ledgerDir(): string {
  if (process.env.OCI_CONFORM_LEDGER_DIR) return process.env.OCI_CONFORM_LEDGER_DIR;
  const uid = process.getuid?.() ?? 0;
  // An unprivileged user's runs keep their own ledger (its runtime dir, else a tmp dir named by uid), so
  // `oci-conform cleanup` as that user finds them and never reads another user's.
  const dirs =
    uid === 0
      ? rootLedgerDirs()
      : [...(process.env.XDG_RUNTIME_DIR ? [join(process.env.XDG_RUNTIME_DIR, 'oci-conform', 'ledger')] : []), join(tmpdir(), `oci-conform-ledger-${uid}`)];
  for (const d of dirs) {
    try {
      mkdirSync(d, { recursive: true, mode: 0o700 });
      accessSync(d, constants.W_OK);
      return d;
    } catch {
      /* try the next */
    }
  }
  return dirs[dirs.length - 1]!;
}

export class Ledger {
  readonly file: string;

  constructor(run: RunEntry, dir = ledgerDir()) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.file = join(dir, `${run.runId}.jsonl`);
    this.append(run);
  }

  /** Synchronous on purpose: an entry must be on disk before the thing it names exists. */
  append(e: LedgerEntry): void {
    appendFileSync(this.file, `${JSON.stringify(e)}\n`);
  }

  remove(): void {
    rmSync(this.file, { force: true });
  }
}

/** Parses one ledger file; undefined when it has no run entry (a torn write of the first line). */
export function readLedger(file: string): LedgerContents | undefined {
  let run: RunEntry | undefined;
  const containers: string[] = [];
  const pids: { pid: number; startTime: string }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let e: LedgerEntry;
    try {
      e = JSON.parse(line) as LedgerEntry;
    } catch {
      continue; // a torn last line after a crash
    }
    if (e.kind === 'run') run = e;
    else if (e.kind === 'container') containers.push(e.id);
    else if (e.kind === 'pid') pids.push({ pid: e.pid, startTime: e.startTime });
  }
  return run ? { file, run, containers, pids } : undefined;
}

/** A ledger directory or file this user may not read: `oci-conform cleanup` says so instead of "nothing to clean up". */
export class LedgerUnreadable extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot read ${path} (${reason})`);
    this.name = 'LedgerUnreadable';
  }
}

/** The ledger files of a directory; none when it does not exist. Throws LedgerUnreadable when it can't be read. */
export function listLedgers(dir = ledgerDir()): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => join(dir, f));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') return [];
    throw new LedgerUnreadable(dir, code ?? String(e));
  }
}

/** The ledger directories of root's runs (ledgerDir() for uid 0): an unprivileged cleanup points at them when it can't read them. */
export function rootLedgerDirs(): string[] {
  return ['/run/oci-conform/ledger', join(tmpdir(), 'oci-conform-ledger')];
}
