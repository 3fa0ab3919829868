/**
 * oci-conform: the composition root. argv -> options (conform-options.ts) ->
 * one of run (runConformance), list, cleanup, merge. main() returns the exit
 * code and has no side effects at import; run() is the process around it:
 * SIGINT/SIGTERM become an abort so the run cleans up before it exits, and
 * stdout and stderr are flushed before the exit. Every error is one line with
 * its documented exit code (never a stack, unless OCI_DEBUG=1 for a bug of ours).
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { EXIT, OciError } from '../core/errors.js';
import { CASES } from '../harness/generated/cases.js';
import type { LoadedCase } from '../harness/execute.js';
import { lintCases } from '../harness/lint.js';
import { selectCases } from '../harness/plan.js';
import { runConformance } from '../harness/run.js';
import { sweepLedgers } from '../harness/sweep.js';
import { ledgerDir, LedgerUnreadable, listLedgers, rootLedgerDirs } from '../harness/ledger.js';
import { mergeReports } from '../harness/merge.js';
import { createReporter, type ReporterSetting } from '../reporters/conform/index.js';
import type { CaseDefinition } from '../harness/model.js';
import { helpText, parseCli, type CliOptions } from './conform-options.js';
import { internalError } from './failure.js';
import { coverageHere } from './coverage.js';
import { renderCoverage } from './coverage-format.js';
import { packageVersion } from './options.js';

/** Where oci-conform writes, and the process it runs in; tests pass their own. */
export interface ConformIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether out is a terminal: the console reporter's progress line and colours. */
  readonly isTTY: boolean;
  /** NO_COLOR, OCI_DEBUG; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Calls the handler on SIGINT and SIGTERM from the start of a run on; without it a run is not interruptible. */
  readonly onSignal?: (handler: (sig: 'SIGINT' | 'SIGTERM') => void) => void;
}

const STDIO: ConformIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  get isTTY() {
    return !!process.stdout.isTTY;
  },
  onSignal: (handler) => {
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  },
};

const toolVersion = (): string => packageVersion(import.meta.url);

async function loadCaseFiles(files: readonly string[]): Promise<LoadedCase[]> {
  const out: LoadedCase[] = [];
  for (const f of files) {
    let mod: { default?: CaseDefinition };
    try {
      mod = (await import(pathToFileURL(resolve(f)).href)) as typeof mod;
    } catch (e) {
      throw new OciError('OCI_CONFORM_USAGE', `--case-file ${f}: cannot load (${(e as Error).message.split('\n')[0]})`, { cause: e });
    }
    const d = mod.default;
    if (!d || typeof d.id !== 'string' || typeof d.run !== 'function' || !Array.isArray(d.requirements) || d.requirements.length === 0) {
      throw new OciError('OCI_CONFORM_USAGE', `--case-file ${f}: the default export is not a case (needs id, title, requirements, run)`);
    }
    out.push({ definition: d, file: f });
  }
  // held to what our own cases are held to (test/harness/lint.test.ts): an unknown id is refused here, not guessed at
  const problem = lintCases(out)[0];
  if (problem) throw new OciError('OCI_CONFORM_USAGE', `--case-file ${problem.file}: ${problem.detail}`);
  return out;
}

/** oci-conform on argv: the exit code (docs/INTERPRETING.md); every error is one line on io.err. */
export async function main(argv: readonly string[], io: ConformIo = STDIO): Promise<number> {
  const env = io.env ?? process.env;
  let o: CliOptions;
  try {
    o = parseCli(argv, env);
  } catch (e) {
    if (!(e instanceof OciError)) return internalError('oci-conform', e, io.err, env);
    io.err(`oci-conform: ${e.message}\n`);
    return e.exitCode;
  }
  try {
    return await command(o, io);
  } catch (e) {
    if (!(e instanceof OciError)) return internalError('oci-conform', e, io.err, env);
    io.err(`oci-conform: ${e.code}: ${e.message}\n`);
    return e.exitCode;
  }
}

async function command(o: CliOptions, io: ConformIo): Promise<number> {
  const say = (line: string): void => io.out(`${line}\n`);
  if (o.command === 'help') {
    say(helpText());
    return EXIT.ok;
  }
  if (o.command === 'version') {
    say(toolVersion());
    return EXIT.ok;
  }
  if (o.command === 'cleanup') return cleanup(o.force, say);
  const cases = [...CASES, ...(await loadCaseFiles(o.caseFiles))];
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.definition.id)) throw new OciError('OCI_CONFORM_USAGE', `case id ${c.definition.id} is defined twice (${c.file})`);
    seen.add(c.definition.id);
  }
  const setting: ReporterSetting = { color: o.color, stdout: { write: io.out, close: () => undefined, isTTY: io.isTTY } };
  if (o.command === 'merge') {
    const reporters = await Promise.all(o.reporters.map((r) => createReporter(r, setting)));
    return (await mergeReports(o.files, { reporters, expectations: o.expectations, knownIds: seen })).exitCode;
  }
  if (o.command === 'coverage') {
    const report = await coverageHere(cases.map((c) => c.definition));
    io.out(renderCoverage(report, o.format ?? 'text', toolVersion()));
    return EXIT.ok;
  }
  if (o.command === 'list') {
    for (const c of selectCases(cases, o)) {
      const d = c.definition;
      say(`${d.id}\t${d.requirements.join(',')}\t${(d.needs ?? []).join(',')}\t${d.title}`);
    }
    return EXIT.ok;
  }
  const reporters = await Promise.all(o.reporters.map((r) => createReporter(r, setting)));
  const ac = new AbortController();
  let signalExit: number | undefined;
  io.onSignal?.((sig) => {
    if (signalExit !== undefined) return; // cleanup is already running
    signalExit = sig === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
    io.err(`oci-conform: ${sig}: stopping after cleanup\n`);
    ac.abort(new Error(sig));
  });
  const log = (line: string): void => io.err(`oci-conform: ${line}\n`);
  const summary = await runConformance(o, { reporters, signal: ac.signal, cases, toolVersion: toolVersion(), log });
  return signalExit ?? summary.exitCode;
}

/**
 * `oci-conform cleanup`: one line per ledger. A ledger this user can't read is said so (exit 3), never taken for
 * "nothing to clean up"; so are root's ledgers when an unprivileged user finds nothing of its own.
 */
async function cleanup(force: boolean, say: (line: string) => void): Promise<number> {
  const uid = process.getuid?.() ?? 0;
  const dir = ledgerDir();
  const who = `uid ${uid}`;
  let reports: Awaited<ReturnType<typeof sweepLedgers>>;
  try {
    reports = await sweepLedgers({ force, dir });
  } catch (e) {
    if (!(e instanceof LedgerUnreadable)) throw e;
    throw new OciError('OCI_CONFORM_LEDGER_UNREADABLE', `cannot read the ledger directory ${e.path} (${e.reason}) as ${who}: nothing was swept; run \`oci-conform cleanup\` as the user whose runs it holds, or as root`, { cause: e });
  }
  let left = 0;
  let unreadable = 0;
  for (const r of reports) {
    if (r.unreadable) say(`cannot read ledger ${r.file} (${r.unreadable}) as ${who}: run ${r.runId} not swept; run \`oci-conform cleanup\` as its owner or as root`);
    else if (r.skipped) say(`skipped ${r.runId}: ${r.skipped}`);
    else if (r.leftovers.length) say(`run ${r.runId}: could not remove ${r.leftovers.join(', ')}`);
    else say(`run ${r.runId}: swept`);
    left += r.leftovers.length;
    if (r.unreadable) unreadable++;
  }
  if (reports.length === 0) {
    say(`nothing to clean up (ledger ${dir})`);
    if (uid !== 0 && !process.env.OCI_CONFORM_LEDGER_DIR) {
      for (const d of rootLedgerDirs()) {
        try {
          listLedgers(d);
        } catch (e) {
          if (e instanceof LedgerUnreadable) say(`root's runs keep their ledger in ${d}, which ${who} cannot read (${e.reason}): run \`oci-conform cleanup\` as root to sweep those`);
        }
      }
    }
  }
  return unreadable ? EXIT.environment : left ? EXIT.findings : EXIT.ok;
}

/** The process's entry (dist/oci-conform.mjs calls it): main on its arguments, then exit once the output is out. */
export function run(argv: readonly string[] = process.argv.slice(2)): void {
  main(argv).then(exit, (e: unknown) => exit(internalError('oci-conform', e, STDIO.err)));
}

/** Exits once stdout and stderr are flushed: on a pipe, process.exit() would cut off what is still queued. */
function exit(code: number): void {
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
