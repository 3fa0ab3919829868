/**
 * What a run left behind, looked up from the outside: its temp dir, its
 * ledger, cgroup directories with its prefix in any hierarchy, live processes
 * inside such cgroups, mounts under its temp dir, containers in its state root.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { conformReportErrors } from '../formats/report-schemas.js';

export function cgroupDirsWith(prefix: string): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number): void => {
    if (depth > 6) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const p = join(d, e.name);
      if (e.name.startsWith(prefix)) out.push(p);
      else walk(p, depth + 1);
    }
  };
  walk('/sys/fs/cgroup', 0);
  return out;
}

/** Live (non-zombie) processes whose cgroup path mentions the prefix. */
export function processesIn(prefix: string): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cg = readFileSync(`/proc/${pid}/cgroup`, 'utf8');
      if (!cg.includes(prefix)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state !== 'Z') out.push(`${pid} (${state})`);
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

export function leftovers(run: { runId: string; workDir: string; ledgerDir: string }): string[] {
  const prefix = `oci-conform-${run.runId}`;
  const out: string[] = [];
  if (existsSync(run.workDir)) out.push(`work dir ${run.workDir}`);
  if (existsSync(join(run.ledgerDir, `${run.runId}.jsonl`))) out.push(`ledger ${run.runId}`);
  out.push(...cgroupDirsWith(prefix).map((d) => `cgroup ${d}`));
  out.push(...processesIn(prefix).map((p) => `process ${p}`));
  const mounts = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((l) => l.includes(run.workDir));
  out.push(...mounts.map((m) => `mount ${m}`));
  return out;
}

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'oci-conform.js');

/**
 * Runs the built CLI; `onStdout` may act on output as it comes (e.g. send SIGINT); `prefix` is a command that runs
 * node in turn (e.g. setpriv as another user), `cwd` where it runs.
 */
export function runCli(
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; onStdout?: (all: string, child: import('node:child_process').ChildProcess) => void; prefix?: readonly string[]; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const argv = [...(opts.prefix ?? []), process.execPath, CLI, ...args];
    const child = spawn(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      opts.onStdout?.(stdout, child);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code, signal) => {
      try {
        checkJsonReports(args);
        resolve({ code, signal, stdout, stderr });
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

/** Every JSON report a test's run writes (`--reporter json=FILE`) must fit the schema we publish: a misfit fails that test. */
function checkJsonReports(args: readonly string[]): void {
  args.forEach((a, i) => {
    const file = args[i - 1] === '--reporter' && a.startsWith('json=') ? a.slice('json='.length) : undefined;
    if (!file || !existsSync(file)) return;
    const errors = conformReportErrors(JSON.parse(readFileSync(file, 'utf8')));
    if (errors.length > 0) throw new Error(`${file} does not fit schemas/oci-conform-report.v2.schema.json:\n${errors.join('\n')}`);
  });
}

/**
 * An `onStdout` for runCli that SIGKILLs the run half a second after its first case's container (`…-0-c`) appears
 * in the run's state dir: a crash mid-case, with no chance to clean up.
 */
export function killOnceCreated(): (all: string, child: import('node:child_process').ChildProcess) => void {
  let killed = false;
  return (all, child) => {
    if (killed || !/^# run /m.test(all)) return;
    killed = true;
    const t = setInterval(() => {
      void readdir(join(runInfoFromTap(all).workDir, 'state'))
        .then((ids) => {
          if (!ids.some((i) => i.endsWith('-0-c'))) return;
          clearInterval(t);
          setTimeout(() => child.kill('SIGKILL'), 500);
        })
        .catch(() => undefined);
    }, 50);
  };
}

export function runInfoFromTap(tap: string): { runId: string; workDir: string } {
  const m = /^# run (\S+) in (\S+)$/m.exec(tap);
  if (!m) throw new Error(`no run line in TAP output:\n${tap}`);
  return { runId: m[1]!, workDir: m[2]! };
}

/** A scratch directory for one test file's runs, and the environment that keeps their ledger in it. */
export async function makeRunDir(prefix: string): Promise<{ dir: string; env: NodeJS.ProcessEnv }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, env: { OCI_CONFORM_LEDGER_DIR: join(dir, 'ledger'), OCI_CONFORM_ARTIFACTS_DIR: join(dir, 'artifacts'), NO_COLOR: '1' } };
}
