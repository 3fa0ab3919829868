/**
 * runConformance: the whole run, as a library call (the CLI is a thin view
 * of it). Order: runtime and profile, root check, run dir + ledger, rootfs,
 * features and version, host probe, canary, cases (a pool of --jobs),
 * expectations, final sweep. Cleanup runs on every path out, including
 * environment errors and an aborted signal (SIGINT/SIGTERM in the CLI), and
 * so does the report: reporters always get onRunEnd, with `stopped` saying why
 * when the run ended early.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { release } from 'node:os';
import { join } from 'node:path';
import { EXIT, OciError, exitOf } from '../core/errors.js';
import { buildRootfs, type RootfsInfo } from '../fixtures/rootfs.js';
import type { CaseResult, Status } from './model.js';
import type { ConformReporter, PartialRunInfo, RunInfo, RunStop, RunSummary } from '../reporters/conform/reporter.js';
import { REPORT_VERSION } from '../reporters/conform/reporter.js';
import { resolveRuntime } from './discover.js';
import { PROFILES, profileByName, profileFor, type RuntimeProfile } from './profiles/index.js';
import { rootlessMode } from './rootless.js';
import { RuntimeDriver } from './driver/driver.js';
import { succeeded } from './driver/record.js';
import { detectCgroupLayout } from './inspect/cgroup-layout.js';
import { probeConditions } from './probe.js';
import { readHostProfile, type HostProfile } from './host-profile.js';
import { Ledger } from './ledger.js';
import { executeCase, type ExecEnv, type LoadedCase } from './execute.js';
import { selectCases, type Shard } from './plan.js';
import { chooseVersion, readFeatures, runCanary } from './negotiate.js';
import { existsSync } from 'node:fs';
import { saveConfigs } from './artifacts.js';
import { updateBaseline, type BaselineUpdate } from './update-expectations.js';
import { appliedFiles, expectedResults, compareWithExpectations, expandExpectationPaths, loadExpectations, mergeExpectations } from './expectations.js';
import { staleRuns, sweepRun } from './sweep.js';
import { RUN_MARKER } from './cleanup.js';
import { measurePidView } from './pid-view.js';
import { runBase } from './workdir.js';
import type { Threshold } from './verdict.js';

export interface ConformOptions {
  /** Path or PATH name of the runtime; default: ours, else runc, crun, youki. */
  readonly runtime?: string;
  /** Profile name; default: by the binary's name. */
  readonly profile?: string;
  /** Target runtime-spec version; default: the runtime's features ociVersionMax, else the latest. */
  readonly specVersion?: string;
  readonly level: Threshold;
  readonly only: readonly string[];
  readonly skip: readonly string[];
  readonly jobs: number;
  /** Per-case timeout. */
  readonly timeoutMs: number;
  /** Expectation files, merged (a case id in two files is an error). */
  readonly expectations?: readonly string[];
  /** Write or refresh this baseline from the run's results (harness/update-expectations.ts); not on an interrupted run. */
  readonly updateExpectations?: string;
  /** Keep each non-passing case's config.json under `<artifacts>/<run id>/` (harness/artifacts.ts); the CLI's default is a temp dir. */
  readonly artifacts?: string;
  readonly shard?: Shard;
}

function updateLine(u: BaselineUpdate): string {
  const list = (what: string, ids: readonly string[]): string => (ids.length ? `; ${what} ${ids.length} (${ids.join(', ')})` : '');
  const todo = u.added.length ? ': write the TODO reasons before a run gates on it' : '';
  const uncovered = u.uncovered.length
    ? `; ${u.uncovered.length} (${u.uncovered.join(', ')}) passed where a group's entry was dropped, so the entry it overrode applies again and is stale for such a run: edit it by hand`
    : '';
  if (!u.applies) return `${u.file}: its specVersion or hosts do not hold for this run: nothing in it judged, nothing added (kept ${u.kept}${list('dropped, no such case:', u.dropped)})`;
  return `${u.file}: kept ${u.kept}${list('added', u.added)}${list('changed, reread their reasons:', u.changed)}${list('dropped', u.dropped)}${uncovered}${todo}`;
}

export interface RunHooks {
  readonly reporters: readonly ConformReporter[];
  /** Aborting it stops the run: running cases end as errors, nothing new starts, cleanup runs. */
  readonly signal?: AbortSignal;
  /** The cases to choose from (default: the generated index). */
  readonly cases: readonly LoadedCase[];
  /** Tool version for the report. */
  readonly toolVersion: string;
  /** One-line notices for people (the CLI writes them to stderr). */
  readonly log?: (line: string) => void;
}

/**
 * The profile: --profile's, else the binary's. Run by an unprivileged user, a profile that is not rootless gives
 * way to its rootless variant (runc -> runc-rootless); without one the run can't go on.
 */
export function chooseProfile(name: string | undefined, binary: string, log?: (line: string) => void): RuntimeProfile {
  const profile: RuntimeProfile | undefined = name ? profileByName(name) : profileFor(binary);
  if (!profile) throw new OciError('OCI_CONFORM_USAGE', `--profile ${name}: no such runtime profile`);
  const uid = process.getuid?.();
  if (uid === 0 || profile.rootless) return profile;
  const variant = !name && profile.rootlessVariant ? profileByName(profile.rootlessVariant) : undefined;
  if (variant) {
    log?.(`not root (uid ${uid}): driving ${binary} in its rootless mode (profile ${variant.name})`);
    return variant;
  }
  const rootlessNames = PROFILES.filter((x) => x.rootless).map((x) => x.name).join(', ');
  throw new OciError('OCI_CONFORM_NOT_ROOT', `oci-conform drives ${binary} as root with profile ${profile.name}: run it as root (uid is ${uid}), or with a rootless profile (${rootlessNames})`);
}

const ZERO: Record<Status, number> = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };

async function emit(reporters: readonly ConformReporter[], f: (r: ConformReporter) => void | Promise<void>): Promise<void> {
  for (const r of reporters) await f(r);
}

/** What a run knows as it goes, so a run that stops early still reports what it had. */
interface Progress {
  readonly started: number;
  readonly known: { -readonly [K in keyof PartialRunInfo]: PartialRunInfo[K] };
  readonly results: CaseResult[];
  leftovers: string[];
  /** onRunStart was emitted. */
  runStarted: boolean;
  /** onRunEnd was emitted (never twice, even when a reporter throws). */
  runEnded: boolean;
}

function countsOf(results: readonly CaseResult[]): Record<Status, number> {
  const counts = { ...ZERO };
  for (const r of results) counts[r.outcome.status]++;
  return counts;
}

/** The exit code and stop reason of a signal-aborted run (the CLI aborts with Error('SIGINT'|'SIGTERM')). */
function interruption(signal: AbortSignal): { exitCode: number; stop: RunStop } {
  const sig = (signal.reason as Error | undefined)?.message === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
  return { exitCode: sig === 'SIGTERM' ? 143 : 130, stop: { code: 'OCI_CONFORM_INTERRUPTED', message: `interrupted by ${sig}: cleanup ran, remaining cases were not started` } };
}

/**
 * The whole run. Whatever way it ends (cases judged, an environment or usage
 * error, the canary, a signal), the reporters get onRunEnd, so a report is
 * written; an error is then rethrown for the CLI's one line and exit code.
 */
export async function runConformance(opts: ConformOptions, hooks: RunHooks): Promise<RunSummary> {
  const p: Progress = {
    started: performance.now(),
    known: { reportVersion: REPORT_VERSION, tool: { name: 'oci-conform', version: hooks.toolVersion }, startedAt: new Date().toISOString(), level: opts.level, jobs: opts.jobs, timeoutMs: opts.timeoutMs },
    results: [],
    leftovers: [],
    runStarted: false,
    runEnded: false,
  };
  const signal = hooks.signal ?? new AbortController().signal;
  try {
    return await runStages(opts, { ...hooks, signal }, p);
  } catch (e) {
    if (p.runEnded) throw e;
    const stop: RunStop =
      e instanceof OciError ? { code: e.code, message: e.message } : { code: 'OCI_CONFORM_INTERNAL', message: `internal error: ${(e as Error)?.message ?? String(e)}` };
    const exitCode = e instanceof OciError ? e.exitCode : exitOf('OCI_CONFORM_INTERNAL');
    const summary: RunSummary = {
      counts: countsOf(p.results),
      durationMs: performance.now() - p.started,
      results: p.results,
      interrupted: signal.aborted,
      leftovers: p.leftovers,
      exitCode,
      stopped: stop,
      ...(p.runStarted ? {} : { runSoFar: p.known }),
    };
    p.runEnded = true;
    await emit(hooks.reporters, (r) => r.onRunEnd?.(summary));
    throw e;
  }
}

async function runStages(opts: ConformOptions, hooks: RunHooks & { readonly signal: AbortSignal }, p: Progress): Promise<RunSummary> {
  const started = p.started;
  const signal = hooks.signal;
  const results = p.results;
  const rt = resolveRuntime(opts.runtime);
  p.known.runtime = { binary: rt.binary, chosenBy: rt.how };
  if (rt.how === 'default') hooks.log?.(`no --runtime given: driving ${rt.binary} (ours if built, else the first of runc, crun, youki on PATH)`);
  const profile = chooseProfile(opts.profile, rt.binary, hooks.log);
  p.known.runtime = { ...p.known.runtime, profile: profile.name };
  const rootless = rootlessMode(profile.rootless);
  const expFiles = opts.expectations?.length ? expandExpectationPaths(opts.expectations) : [];
  const expDocs = expFiles.map((f) => ({ file: f, doc: loadExpectations(f) })); // usage errors before anything starts
  if (opts.updateExpectations !== undefined && existsSync(opts.updateExpectations)) loadExpectations(opts.updateExpectations, { allowTodo: true });
  const selected = selectCases(hooks.cases, { only: opts.only, skip: opts.skip, shard: opts.shard });
  p.known.selection = { total: hooks.cases.length, selected: selected.length, shard: opts.shard };
  if ((opts.only.length > 0 || opts.skip.length > 0) && selectCases(hooks.cases, { only: opts.only, skip: opts.skip }).length === 0) {
    // A typo in a CI glob must not pass as an empty, green run.
    throw new OciError('OCI_CONFORM_USAGE', `no case matches ${[...opts.only.map((g) => `--only ${g}`), ...opts.skip.map((g) => `--skip ${g}`)].join(' ')} (see oci-conform list)`);
  }

  const stale = await staleRuns();
  if (stale.length > 0) {
    const ids = stale.map((r) => r.runId);
    hooks.log?.(
      `${stale.length === 1 ? 'an earlier run' : `${stale.length} earlier runs`} (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''}) ended without ${stale.length === 1 ? 'its' : 'their'} cleanup (killed?): ${stale.length === 1 ? 'its' : 'their'} containers, processes, cgroups and files may remain; a sweep is due: run \`oci-conform cleanup\``,
    );
  }
  // The ledger names the run's directory before it exists (mkdir, not mkdtemp): a run killed in between leaves
  // nothing that `oci-conform cleanup` can't find.
  const base = runBase();
  let runId = `oc${randomBytes(3).toString('hex')}`;
  while (existsSync(join(base, `oci-conform-${runId}`))) runId = `oc${randomBytes(3).toString('hex')}`;
  const runDir = join(base, `oci-conform-${runId}`);
  const stateRoot = join(runDir, 'state');
  const cgroupPrefix = `oci-conform-${runId}`;
  Object.assign(p.known, { runId, workDir: runDir, cgroupPrefix });
  // RUN_MARKER: every runtime call of the run carries the run id in its environment (harness/cleanup.ts).
  const driverOpts = { binary: rt.binary, profile, stateRoot: profile.rootFlag ? stateRoot : undefined, timeoutMs: Math.min(opts.timeoutMs, 60_000), env: { [RUN_MARKER]: runId } };
  const ledger = new Ledger({
    kind: 'run',
    runId,
    pid: process.pid,
    startedAt: new Date().toISOString(),
    binary: rt.binary,
    profile: profile.name,
    globalArgs: profile.globalArgs,
    stateRoot,
    runDir,
    cgroupPrefix,
  });
  try {
    await mkdir(runDir, { mode: 0o700 });
  } catch (e) {
    ledger.remove();
    throw new OciError('OCI_CONFORM_ROOTFS', `cannot make the run's directory ${runDir}: ${(e as Error).message}`, { cause: e });
  }
  const layout = await detectCgroupLayout();
  let finished = false;
  let specVersion: string | undefined;
  let hostProfile: HostProfile | undefined;
  try {
    await mkdir(stateRoot, { recursive: true });
    let rootfs: RootfsInfo;
    try {
      rootfs = await buildRootfs(join(runDir, 'rootfs'));
    } catch (e) {
      throw new OciError('OCI_CONFORM_ROOTFS', `cannot build the fixture rootfs in ${runDir}: ${(e as Error).message}`, { cause: e });
    }
    const driver = new RuntimeDriver(driverOpts);
    const versionCall = await driver.call(['--version']);
    const features = await readFeatures(driver, profile);
    p.known.runtime = { ...p.known.runtime, version: (versionCall.stdout || versionCall.stderr).trim().split('\n')[0] ?? '', features: features.doc };
    const version = chooseVersion(opts.specVersion, features.doc, succeeded(versionCall) ? `${versionCall.stdout}\n${versionCall.stderr}` : undefined);
    specVersion = version.specVersion;
    Object.assign(p.known, { specVersion: version.specVersion, configVersion: version.configVersion, versionSource: version.source });
    const probed = await probeConditions({ layout, features: features.state, consoleSocket: profile.consoleSocket, rootless });
    hostProfile = await readHostProfile({ layout, globalArgs: profile.globalArgs });
    const baseline = expDocs.length ? mergeExpectations(expDocs, specVersion, hostProfile.terms) : undefined; // conflicting files are a usage error now, not after the run
    p.known.host = { kernel: release(), profile: hostProfile, cgroups: layout, conditions: probed, rootfs: rootfs.source };
    const canaryEnv: ExecEnv = {
      driver: driverOpts,
      runDir,
      rootfsTemplate: rootfs.dir,
      specVersion: version.specVersion,
      configVersion: version.configVersion,
      host: { conditions: probed, cgroups: layout },
      cgroupPrefix,
      rootless,
      ledger,
      threshold: opts.level,
      timeoutMs: opts.timeoutMs,
      runSignal: signal,
    };
    await runCanary(canaryEnv, runId, version, features.doc);
    // Whether the host's /proc/<state.pid> is the container process (not a sandbox around it): cases read it.
    const conditions = { ...probed, 'host-pid-view': await measurePidView(canaryEnv, runId) };
    const env: ExecEnv = { ...canaryEnv, host: { conditions, cgroups: layout } };
    p.known.host = { ...p.known.host, conditions };

    const info: RunInfo = {
      reportVersion: REPORT_VERSION,
      tool: { name: 'oci-conform', version: hooks.toolVersion },
      runId,
      workDir: runDir,
      cgroupPrefix,
      startedAt: p.known.startedAt!,
      runtime: {
        binary: rt.binary,
        profile: profile.name,
        version: (versionCall.stdout || versionCall.stderr).trim().split('\n')[0] ?? '',
        chosenBy: rt.how,
        features: features.doc,
      },
      specVersion: version.specVersion,
      configVersion: version.configVersion,
      versionSource: version.source,
      level: opts.level,
      host: { kernel: release(), profile: hostProfile, cgroups: layout, conditions, rootfs: rootfs.source },
      selection: { total: hooks.cases.length, selected: selected.length, shard: opts.shard },
      jobs: opts.jobs,
      timeoutMs: opts.timeoutMs,
    };
    p.runStarted = true;
    await emit(hooks.reporters, (r) => r.onRunStart?.(info));
    if (baseline) {
      const expected = expectedResults(baseline);
      await emit(hooks.reporters, (r) => r.onExpectations?.(expected));
    }

    let next = 0;
    const worker = async (): Promise<void> => {
      while (!signal.aborted && next < selected.length) {
        const i = next++;
        const c = selected[i]!;
        await emit(hooks.reporters, (r) => r.onCaseStart?.({ id: c.definition.id, title: c.definition.title }));
        const raw = await executeCase(c, `${runId}-${i}`, env);
        const res = opts.artifacts === undefined ? raw : await saveConfigs(join(opts.artifacts, runId), raw);
        results.push(res);
        await emit(hooks.reporters, (r) => r.onCaseResult?.(res));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs, selected.length)) }, worker));
    finished = true;
  } finally {
    // Runs on success, on an environment error and after an interrupt alike.
    p.leftovers = await sweepRun({ ledger, layout, driver: new RuntimeDriver(driverOpts) });
  }
  const leftovers = p.leftovers;
  const order = new Map(selected.map((c, i) => [c.definition.id, i]));
  results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const counts = countsOf(results);
  const interrupted = signal.aborted || !finished;
  const merged = expDocs.length ? mergeExpectations(expDocs, specVersion, hostProfile?.terms) : undefined;
  const exp = merged ? compareWithExpectations(appliedFiles(merged), merged, results, new Set(hooks.cases.map((c) => c.definition.id))) : undefined;
  const bad = exp ? exp.unexpected.length + exp.stale.length > 0 : counts.fail + counts.error > 0;
  if (opts.updateExpectations !== undefined) {
    if (interrupted) hooks.log?.(`${opts.updateExpectations} not updated: the run was interrupted`);
    else hooks.log?.(updateLine(updateBaseline(opts.updateExpectations, results, new Set(hooks.cases.map((c) => c.definition.id)), profile.name, { specVersion, hostTerms: hostProfile?.terms })));
  }
  const stop = interrupted ? interruption(signal) : undefined;
  const exitCode = stop ? stop.exitCode : bad ? EXIT.findings : EXIT.ok;
  const summary: RunSummary = { counts, durationMs: performance.now() - started, results, expectations: exp, interrupted, leftovers, exitCode, ...(stop ? { stopped: stop.stop } : {}) };
  p.runEnded = true;
  await emit(hooks.reporters, (r) => r.onRunEnd?.(summary));
  return summary;
}
