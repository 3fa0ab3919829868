/**
 * oci-conform: the composition root. argv -> options (args.ts) -> one of
 * run (runConformance), list, cleanup. Turns SIGINT/SIGTERM into an abort so
 * the run cleans up before it exits, and every error into one line with its
 * documented exit code (never a stack).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXIT, OciError } from '../core/errors.js';
import { CASES } from '../harness/generated/cases.js';
import { helpText, parseCli, type CliOptions } from './conform-options.js';
import type { LoadedCase } from '../harness/execute.js';
import { selectCases } from '../harness/plan.js';
import { runConformance } from '../harness/run.js';
import { sweepLedgers } from '../harness/sweep.js';
import { mergeReports } from '../harness/merge.js';
import { createReporter } from '../reporters/conform/index.js';
import type { CaseDefinition } from '../suites/case.js';

function toolVersion(): string {
  try {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

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
  return out;
}

const log = (line: string): void => void process.stderr.write(`oci-conform: ${line}\n`);

async function main(o: CliOptions): Promise<number> {
  if (o.command === 'help') {
    console.log(helpText());
    return EXIT.ok;
  }
  if (o.command === 'version') {
    console.log(toolVersion());
    return EXIT.ok;
  }
  if (o.command === 'cleanup') {
    const reports = await sweepLedgers({ force: o.force });
    let left = 0;
    for (const r of reports) {
      if (r.skipped) console.log(`skipped ${r.runId}: ${r.skipped}`);
      else if (r.leftovers.length) console.log(`run ${r.runId}: could not remove ${r.leftovers.join(', ')}`);
      else console.log(`run ${r.runId}: swept`);
      left += r.leftovers.length;
    }
    if (reports.length === 0) console.log('nothing to clean up');
    return left ? EXIT.findings : EXIT.ok;
  }
  const cases = [...CASES, ...(await loadCaseFiles(o.caseFiles))];
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.definition.id)) throw new OciError('OCI_CONFORM_USAGE', `case id ${c.definition.id} is defined twice (${c.file})`);
    seen.add(c.definition.id);
  }
  if (o.command === 'merge') {
    const reporters = await Promise.all(o.reporters.map(createReporter));
    return (await mergeReports(o.files, { reporters, expectations: o.expectations, knownIds: seen })).exitCode;
  }
  if (o.command === 'list') {
    for (const c of selectCases(cases, o)) {
      const d = c.definition;
      console.log(`${d.id}\t${d.requirements.join(',')}\t${(d.needs ?? []).join(',')}\t${d.title}`);
    }
    return EXIT.ok;
  }
  const reporters = await Promise.all(o.reporters.map(createReporter));
  const ac = new AbortController();
  let signalExit: number | undefined;
  const onSignal = (sig: NodeJS.Signals): void => {
    if (signalExit !== undefined) return; // cleanup is already running
    signalExit = sig === 'SIGINT' ? 130 : 143;
    process.stderr.write(`oci-conform: ${sig}: stopping after cleanup\n`);
    ac.abort(new Error(sig));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const summary = await runConformance(o, { reporters, signal: ac.signal, cases, toolVersion: toolVersion(), log });
  return signalExit ?? summary.exitCode;
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

let options: CliOptions | undefined;
try {
  options = parseCli(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`oci-conform: ${(e as Error).message}\n`);
  exit(e instanceof OciError ? e.exitCode : EXIT.usage);
}
if (options) {
  main(options).then(
    (code) => exit(code),
    (e: unknown) => {
      if (e instanceof OciError) {
        process.stderr.write(`oci-conform: ${e.code}: ${e.message}\n`);
        return exit(e.exitCode);
      }
      process.stderr.write(`oci-conform: internal error: ${(e as Error)?.message ?? String(e)}\n`);
      exit(EXIT.internal);
    },
  );
}
