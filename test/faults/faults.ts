/**
 * Fault injection: oci-conform runs interrupted at random points by SIGINT, SIGTERM or SIGKILL, sent to the
 * process or to its whole process group (as a terminal's Ctrl-C or a CI runner's kill would), then one
 * `oci-conform cleanup`, and a check that nothing of those runs remains: ledger entries, work dirs (and the
 * runtime's state roots in them), containers, cgroups with the run's prefix, mounts under the work dir,
 * processes in its cgroups or carrying its run marker. Only what carries these runs' ids is looked at: the
 * machine is shared. `npm run faults` (main.ts) prints the figures; faults.test.ts runs a fixed-seed few in CI.
 */
import { prng } from '../prng.js';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { markedProcesses, RUN_MARKER } from '../../harness/cleanup.js';
import { runBase } from '../../harness/workdir.js';
import { CLI, cgroupDirsWith, processesIn } from '../e2e/conform/leftovers.js';

export const MODES = ['SIGINT', 'SIGTERM', 'SIGKILL', 'SIGINT-group', 'SIGTERM-group', 'SIGKILL-group'] as const;
export type Mode = (typeof MODES)[number];

export interface FaultOptions {
  readonly runs: number;
  readonly seed: number;
  /** Runtimes, used in turn (paths or PATH names). */
  readonly runtimes: readonly string[];
  /** --only globs of the case subset. */
  readonly only: readonly string[];
  /** Case files to load beside the suite (--case-file), e.g. one that holds the run, so a signal always lands mid-run. */
  readonly caseFiles?: readonly string[];
  /** The signal comes after a uniformly random delay in [0, maxDelayMs). */
  readonly maxDelayMs: number;
  readonly log?: (line: string) => void;
}

export interface RunFigure {
  readonly n: number;
  readonly mode: Mode;
  readonly runtime: string;
  readonly delayMs: number;
  /** The run ended on its own before the signal was due. */
  readonly finishedFirst: boolean;
  readonly exit: { code: number | null; signal: string | null };
  readonly runIds: readonly string[];
  /** What was left right after the run ended, before any cleanup. */
  readonly leftBefore: readonly string[];
  /** The next run's stderr said a sweep is due (only looked at when this run left its ledger). */
  successorWarned?: boolean;
}

export interface FaultFigures {
  readonly runs: readonly RunFigure[];
  readonly cleanup: { code: number | null; stdout: string; stderr: string };
  /** What was left of all runs after `oci-conform cleanup`: must be empty. */
  readonly leftAfter: readonly string[];
  /** Problems other than leftovers (a SIGINT/SIGTERM run that did not stop by itself, a wrong exit status). */
  readonly problems: readonly string[];
}

// (the PRNG is test/prng.ts, shared with the fuzzing's generators)

/** The plan of a seed: mode and delay of each run (every mode in turn, in an order shuffled per round). */
export function plan(runs: number, seed: number, maxDelayMs: number): { mode: Mode; delayMs: number }[] {
  const rnd = prng(seed);
  const out: { mode: Mode; delayMs: number }[] = [];
  while (out.length < runs) {
    const round = [...MODES];
    for (let i = round.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [round[i], round[j]] = [round[j]!, round[i]!];
    }
    for (const mode of round) if (out.length < runs) out.push({ mode, delayMs: Math.floor(rnd() * maxDelayMs) });
  }
  return out;
}

/** Everything of one run that is still there, each a line naming it. */
export async function leftoversOf(runId: string, workDir: string, ledgerDir: string): Promise<string[]> {
  const prefix = `oci-conform-${runId}`;
  const out: string[] = [];
  if (existsSync(join(ledgerDir, `${runId}.jsonl`))) out.push(`ledger ${runId}`);
  if (existsSync(workDir)) {
    out.push(`work dir ${workDir}`);
    for (const c of readdirSafe(join(workDir, 'state'))) out.push(`container ${c} (state root ${join(workDir, 'state')})`);
  }
  out.push(...cgroupDirsWith(prefix).map((d) => `cgroup ${d}`));
  out.push(...processesIn(prefix).map((p) => `process ${p} in a cgroup of ${runId}`));
  out.push(...(await markedProcesses(RUN_MARKER, runId)).map((p) => `process ${p} (${cmdline(p)}) started by ${runId}`));
  out.push(...readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((l) => l.includes(` ${workDir}/`) || l.includes(` ${workDir} `)).map((m) => `mount ${m.split(' ')[4]}`));
  return out;
}

function readdirSafe(d: string): string[] {
  try {
    return readdirSync(d);
  } catch {
    return [];
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 120);
  } catch {
    return '?';
  }
}

interface Child {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv): { pid: number; done: Promise<Child> } {
  // detached: its own process group (pgid = its pid), so a group signal reaches it and its runtime calls, not us
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<Child>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { pid: child.pid!, done };
}

function send(pid: number, mode: Mode): void {
  const sig = mode.replace('-group', '') as NodeJS.Signals;
  try {
    process.kill(mode.endsWith('-group') ? -pid : pid, sig);
  } catch {
    /* gone already */
  }
}

export async function runFaults(o: FaultOptions): Promise<FaultFigures> {
  const log = o.log ?? (() => undefined);
  const scratch = await mkdtemp(join(tmpdir(), 'oci-conform-faults-'));
  // the runs' work dirs go where the harness would put them (a tmpfs that allows exec and devices), in a dir of ours
  const workBase = await mkdtemp(join(runBase(), 'oci-conform-faults-work-'));
  const ledgerDir = join(scratch, 'ledger');
  const env = { OCI_CONFORM_LEDGER_DIR: ledgerDir, OCI_CONFORM_TMPDIR: workBase, OCI_CONFORM_ARTIFACTS_DIR: join(scratch, 'artifacts'), NO_COLOR: '1' };
  const figures: RunFigure[] = [];
  const problems: string[] = [];
  try {
    for (const [n, p] of plan(o.runs, o.seed, o.maxDelayMs).entries()) {
      const runtime = o.runtimes[n % o.runtimes.length]!;
      const args = ['--runtime', runtime, ...o.only.flatMap((g) => ['--only', g]), ...(o.caseFiles ?? []).flatMap((f) => ['--case-file', f]), '--reporter', 'tap', '--timeout', '60000'];
      const ids = new Set<string>();
      const watch = setInterval(() => {
        for (const f of readdirSafe(ledgerDir)) if (f.endsWith('.jsonl')) ids.add(f.slice(0, -'.jsonl'.length));
      }, 20);
      const before = new Set(readdirSafe(ledgerDir));
      const { pid, done } = spawnCli(args, env);
      let finishedFirst = true;
      const timer = setTimeout(() => {
        finishedFirst = false;
        send(pid, p.mode);
      }, p.delayMs);
      // a SIGINT/SIGTERM run must stop by itself, after its cleanup: give it a generous bound, then kill its group
      const bound = setTimeout(() => {
        problems.push(`run ${n} (${p.mode}) did not stop within 180 s of the signal: SIGKILL to its group`);
        send(pid, 'SIGKILL-group');
      }, p.delayMs + 180_000);
      const r = await done;
      clearTimeout(timer);
      clearTimeout(bound);
      clearInterval(watch);
      for (const f of readdirSafe(ledgerDir)) if (f.endsWith('.jsonl') && !before.has(f)) ids.add(f.slice(0, -'.jsonl'.length));
      for (const m of r.stdout.matchAll(/^# run (\S+) in /gm)) ids.add(m[1]!);
      for (const e of readdirSafe(workBase)) {
        const id = /^oci-conform-(oc[0-9a-f]+)$/.exec(e)?.[1];
        if (id && !figures.some((f) => f.runIds.includes(id))) ids.add(id);
      }
      const runIds = [...ids].filter((i) => !before.has(`${i}.jsonl`));
      const leftBefore: string[] = [];
      for (const id of runIds) leftBefore.push(...(await leftoversOf(id, join(workBase, `oci-conform-${id}`), ledgerDir)));
      // the run before this one left its ledger: this run's stderr must say a sweep is due (it does so before it
      // writes its own ledger, so a run that got that far is judged)
      const prev = figures.at(-1);
      if (prev && runIds.length > 0 && prev.leftBefore.some((l) => l.startsWith('ledger '))) prev.successorWarned = /a sweep is due: run `oci-conform cleanup`/.test(r.stderr);
      const sig = p.mode.replace('-group', '');
      if (!finishedFirst && (sig === 'SIGINT' || sig === 'SIGTERM') && !p.mode.endsWith('-group')) {
        const want = sig === 'SIGINT' ? 130 : 143;
        // before the run has begun (no ledger yet: node still loading) the signal's default action ends it, and
        // there is nothing to clean up: that is fine too
        const early = r.signal === sig && runIds.length === 0;
        if (r.code !== want && !early) problems.push(`run ${n} (${p.mode} after ${p.delayMs} ms): exit ${r.code ?? r.signal}, not ${want}; stderr: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      }
      if (finishedFirst && r.code !== 0 && r.code !== 1) problems.push(`run ${n} ended by itself with exit (neither 0 nor 1, the findings) ${r.code ?? r.signal}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      const fig: RunFigure = { n, mode: p.mode, runtime, delayMs: p.delayMs, finishedFirst, exit: { code: r.code, signal: r.signal }, runIds, leftBefore };
      figures.push(fig);
      log(`run ${n + 1}/${o.runs}: ${p.mode} after ${p.delayMs} ms${finishedFirst ? ' (finished first)' : ''} -> exit ${r.code ?? r.signal}; runs ${runIds.join(',') || '-'}; left before cleanup: ${leftBefore.length}`);
    }
    const c = spawnCli(['cleanup'], env);
    const cleanup = await c.done;
    log(`cleanup: exit ${cleanup.code}: ${cleanup.stdout.trim().split('\n').length} line(s)`);
    const leftAfter: string[] = [];
    for (const f of figures) for (const id of f.runIds) leftAfter.push(...(await leftoversOf(id, join(workBase, `oci-conform-${id}`), ledgerDir)));
    for (const e of readdirSafe(workBase)) leftAfter.push(`in the work base: ${e}`);
    for (const e of readdirSafe(ledgerDir)) if (!leftAfter.some((l) => l.includes(e.replace('.jsonl', '')))) leftAfter.push(`in the ledger dir: ${e}`);
    if (cleanup.code !== 0) problems.push(`oci-conform cleanup exited ${cleanup.code}: ${cleanup.stdout.trim()} ${cleanup.stderr.trim()}`);
    return { runs: figures, cleanup: { code: cleanup.code, stdout: cleanup.stdout, stderr: cleanup.stderr }, leftAfter, problems };
  } finally {
    // a leftover must not outlive the check: whatever is still there (reported above) goes now, as best we can
    const left = spawnCli(['cleanup', '--force'], env);
    await left.done;
    await sleep(10);
    await rm(workBase, { recursive: true, force: true }).catch(() => undefined);
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The figures as lines for people. */
export function summarize(f: FaultFigures): string[] {
  const lines: string[] = [];
  lines.push(`runs: ${f.runs.length}`);
  for (const m of MODES) {
    const rs = f.runs.filter((r) => r.mode === m);
    if (rs.length === 0) continue;
    const interrupted = rs.filter((r) => !r.finishedFirst);
    const leftRuns = rs.filter((r) => r.leftBefore.length > 0);
    const items = rs.reduce((a, r) => a + r.leftBefore.length, 0);
    lines.push(`  ${m.padEnd(14)} runs ${String(rs.length).padStart(3)}, interrupted ${String(interrupted.length).padStart(3)}, runs with leftovers before cleanup ${String(leftRuns.length).padStart(3)} (${items} items)`);
  }
  const kinds = new Map<string, number>();
  for (const r of f.runs) for (const l of r.leftBefore) kinds.set(l.split(' ')[0]!, (kinds.get(l.split(' ')[0]!) ?? 0) + 1);
  lines.push(`leftovers before cleanup by kind: ${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  const due = f.runs.filter((r) => r.successorWarned !== undefined);
  lines.push(`runs that left their ledger and had a successor: ${due.length}; successor warned that a sweep is due: ${due.filter((r) => r.successorWarned).length}`);
  lines.push(`oci-conform cleanup: exit ${f.cleanup.code}, ${f.cleanup.stdout.split('\n').filter((l) => l.endsWith(': swept')).length} runs swept`);
  lines.push(`leftovers after cleanup: ${f.leftAfter.length}`);
  for (const l of f.leftAfter) lines.push(`  LEFT: ${l}`);
  for (const p of f.problems) lines.push(`  PROBLEM: ${p}`);
  return lines;
}
