/**
 * The runner's model: what a case declares (`CaseDefinition`), what it gets
 * (`CaseContext`, `ContainerHandle`, `RawRuntime`), what it records (`Evidence`,
 * `Violation`) and what the runner makes of it (`Outcome`, `CaseResult`), with
 * the two ways a case ends early (`CaseSkip`, `CaseAbort`). The harness and the
 * reporters depend on this module; case authors reach it through the case door,
 * suites/case.ts.
 *
 * A case never decides its own verdict: it records observations with
 * `ctx.expect*`, each citing a requirement, and the runner turns them into
 * pass / fail / warn from the requirement's level at the chosen spec version.
 * See docs/WRITING-CASES.md.
 */
import type { Condition, HostConditions } from './conditions.js';
import type { CallRecord } from './driver/record.js';
import type { ContainerState } from './driver/state.js';
import type { CgroupLayout } from './inspect/cgroup/types.js';
import type { ConfigBuilder, OciConfig } from '../fixtures/config.js';
import type { Level, RequirementId } from '../spec/types.js';

/** The host's vocabulary the model speaks (also the report header's: reporters take it from here). */
export type { Condition, ConditionState, HostConditions } from './conditions.js';
export type { CgroupLayout } from './inspect/cgroup/types.js';
export type { HostProfile, HostTerm } from './host-profile.js';

/** A config delta: returns the changed builder (or a promise of it, e.g. after reading a host file). */
export type ConfigFn = (c: ConfigBuilder) => ConfigBuilder | Promise<ConfigBuilder>;

/** What a case declares. `R` is the union of its requirement ids, so `ctx.expect` only takes those. */
export interface CaseDefinition<R extends RequirementId = RequirementId> {
  /** Stable, dotted, lower-case, mirroring the file path: 'lifecycle.state.after-create'. */
  readonly id: string;
  /** One line: what the case shows. */
  readonly title: string;
  /** Catalogue ids (spec/) this case checks. The first one is the case's main requirement. */
  readonly requirements: readonly [R, ...R[]];
  /**
   * Catalogue ids the case may also charge, that do not gate it: the case runs at every version its
   * `requirements` allow, and charges one of these only where it is in force at the run's version
   * (`chargeable` in suites/_lib/requirements.ts), e.g. the 1.1.0 per-option entry of a mount
   * option that the case checks from 1.0.0 under the generic entry. Counted by `npm run catalogue`.
   */
  readonly also?: readonly R[];
  /** Host conditions the case needs; it is skipped, with the probe's reason, when one is missing. */
  readonly needs?: readonly Condition[];
  /** The config delta from the minimal config (fixtures/config.ts). Default: unchanged (runs /bin/true). May be async. */
  readonly config?: ConfigFn;
  /** Per-case timeout in ms, for a case that needs longer than a run usually gives (it gets the larger of this and the run's --timeout). */
  readonly timeoutMs?: number;
  /** Drive the container and record observations. Throwing `ctx.skip` skips; any other throw is a harness error. */
  readonly run: (ctx: CaseContext<R>) => Promise<void>;
}

export interface CaseModule {
  readonly default: CaseDefinition;
}

/** Identity helper that checks the shape and infers `R` from `requirements`. */
export function defineCase<const R extends RequirementId>(c: CaseDefinition<R>): CaseDefinition {
  return c as unknown as CaseDefinition;
}

/** One container of a case: the primary one is the context itself, `ctx.another()` makes more. */
export interface ContainerHandle {
  /** Container id, unique per run (the runner prefixes it). */
  readonly id: string;
  /** Absolute bundle directory (config.json + rootfs/). */
  readonly bundle: string;
  /** The config.json exactly as written. */
  readonly config: OciConfig;
  /** Files receiving the container's stdout and stderr. */
  readonly stdoutPath: string;
  readonly stderrPath: string;

  /** `create`; a non-zero exit fails the case (citing its main requirement) with the call as evidence. */
  create(): Promise<CallRecord>;
  /** `start`; fails the case on a non-zero exit. */
  start(): Promise<CallRecord>;
  /** `state`, parsed; fails the case when the call fails or the output is not a JSON object. */
  state(): Promise<ContainerState>;
  /** `kill <signal>` (default SIGTERM); fails the case on a non-zero exit. */
  kill(signal?: string): Promise<CallRecord>;
  /** `delete` (`--force` when asked and the runtime supports it); fails the case on a non-zero exit. */
  delete(opts?: { force?: boolean }): Promise<CallRecord>;
  /**
   * Polls `state` until the status is `stopped`. After a successful `kill` of this handle, or a successful
   * `start` while the container stays `created`, the poll is bounded (harness/context.ts SETTLE_MS) and
   * then fails RT-KILL-SENDS-SIGNAL or RT-START-RUNS-PROCESS with what state said; otherwise until the case times out.
   */
  waitStopped(): Promise<ContainerState>;
  /**
   * The container process's host pid: from the runtime's --pid-file, else (the file empty or naming another
   * process: a CLI-CREATE-PID-FILE warning) from state.pid. Checked first: pid 1, oci-conform itself, or a
   * dead pid while the container is not stopped ends the case with a violation and that evidence; a pid in
   * oci-conform's own pid namespace although the config asks for a new one (a sandbox's process) or one the
   * host can't inspect skips the case, saying so: inspecting it would look at another process.
   */
  pid(): Promise<number>;
  /** The pid the runtime wrote to --pid-file, undefined when it wrote none (never state.pid: compare the two with this). */
  pidFile(): Promise<number | undefined>;
  /** create + start + waitStopped; returns what the process wrote. Does not delete. */
  runToExit(): Promise<{ stdout: string; stderr: string }>;
  /** runToExit, then JSON.parse of stdout; fails the case with the raw output when it is not JSON. */
  inside<T = unknown>(): Promise<T>;
  /** Polls the stdout file until it contains `text` (or the case times out); returns the contents. */
  waitForOutput(text: string): Promise<string>;
  /** Current contents of the stdout / stderr files. */
  readStdout(): Promise<string>;
  readStderr(): Promise<string>;
}

/** What `run` receives. Also the primary container. */
export interface CaseContext<R extends RequirementId = RequirementId> extends ContainerHandle {
  readonly caseId: string;
  /** The runtime-spec version the run targets (config ociVersion and verdict levels follow it). */
  readonly specVersion: string;
  /** Host conditions as probed for this run, and the cgroup layout. */
  readonly host: { readonly conditions: HostConditions; readonly cgroups: CgroupLayout };
  /** Raw runtime calls: no verdict, no throw. Use them to test failure paths (e.g. a second create). */
  readonly runtime: RawRuntime;
  /** A scratch directory of this case, removed after it. */
  readonly workDir: string;
  /** Aborted when the case times out or the run is interrupted. */
  readonly signal: AbortSignal;
  /** The run-unique cgroupsPath the harness put in the config. */
  readonly cgroupsPath: string;

  /**
   * Another container with its own id, bundle and cgroup (e.g. a second one
   * joining the first one's namespaces). Cleaned up like the primary.
   */
  another(name: string, config?: ConfigFn): Promise<ContainerHandle>;

  /** Records an observation: `ok` false is a violation of `requirement`. Returns `ok`. */
  expect(requirement: R, ok: boolean, evidence: Evidence): boolean;
  /** Strict equality (deep for plain data): `what` names the value, e.g. 'state.status'. */
  expectEqual(requirement: R, what: string, expected: unknown, actual: unknown): boolean;
  /** Every difference of `compare(expected, observed)` is a violation (one per path). */
  expectMatch(requirement: R, what: string, expected: unknown, observed: unknown): boolean;
  /** The call must have failed (non-zero exit): for "MUST generate an error". */
  expectError(requirement: R, call: CallRecord, what: string): boolean;
  /**
   * Ends the case as skipped with this reason (say what is missing and why it matters). Name the host
   * `condition` that does not hold when that is why (the report and expectations tell host skips apart).
   */
  skip(reason: string, condition?: Condition): never;
  /** A line of context for the report (shown with a failure). */
  note(message: string): void;
}

/** Raw access to the runtime under test. Every call returns its record and never throws. */
export interface RawRuntime {
  create(id: string, bundle: string, opts?: { pidFile?: string; consoleSocket?: string }): Promise<CallRecord>;
  start(id: string): Promise<CallRecord>;
  state(id: string): Promise<CallRecord>;
  kill(id: string, signal?: string): Promise<CallRecord>;
  delete(id: string, opts?: { force?: boolean }): Promise<CallRecord>;
  features(): Promise<CallRecord>;
  /** Any other subcommand (global args are added). */
  call(args: readonly string[]): Promise<CallRecord>;
}

/** Evidence of one observation. */
export interface Evidence {
  /** What was wrong, for people: 'state.status is "running" after create'. */
  readonly message: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
}

/** One broken requirement, with the level it has at the run's spec version. */
export interface Violation {
  /** A string, not RequirementId: results are also read back from reports that another build of ours wrote. */
  readonly requirement: string;
  readonly level: Exclude<Level, 'INFO'>;
  readonly message: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  /** Path of a `compare` difference, when it came from one. */
  readonly path?: string;
}

/**
 * The outcome of one case: a discriminated union (STYLE 4).
 * - pass: every observation held;
 * - fail: a requirement at or above the --level threshold was violated, or a runtime call the case relied on failed;
 * - warn: only requirements below the threshold were violated;
 * - skip: not run, always with a reason (and the missing condition, if that was it);
 * - error: the harness or the case code broke (a bug of ours, or the case timed out); counted like a failure.
 */
export type Outcome =
  | { readonly status: 'pass' }
  | { readonly status: 'fail'; readonly violations: readonly Violation[] }
  | { readonly status: 'warn'; readonly violations: readonly Violation[] }
  | { readonly status: 'skip'; readonly reason: string; readonly condition?: Condition }
  | { readonly status: 'error'; readonly message: string; readonly timedOut: boolean };

export type Status = Outcome['status'];

/** An outcome with what reporters need to explain it; timing kept apart from the verdict. */
export interface CaseResult {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly requirements: readonly string[];
  readonly outcome: Outcome;
  readonly durationMs: number;
  /** Every runtime call the case made, in order (also the harness's create/delete). */
  readonly calls: readonly CallRecord[];
  /** Notes written by the case. */
  readonly notes: readonly string[];
  /** Each container's config.json (as written), for fail/warn/error. */
  /** `file`: where the run kept it (--artifacts; harness/artifacts.ts), since `path` is removed with the run's work directory. */
  readonly configs: readonly { readonly id: string; readonly path: string; readonly config: OciConfig; readonly file?: string }[];
  /** Tail of the container's stderr file, for fail/warn/error. */
  readonly containerStderr?: string;
}

/** Thrown by `ctx.skip`. */
export class CaseSkip extends Error {
  /** `condition`: the host condition whose absence made the case skip, when it was one. */
  constructor(
    readonly reason: string,
    readonly condition?: Condition,
  ) {
    super(reason);
    this.name = 'CaseSkip';
  }
}

/** Thrown by the lifecycle helpers when a call the case relied on failed: the case fails with this violation. */
export class CaseAbort extends Error {
  /** `call`: the runtime call that failed, when one did (e.g. to tell a refusal from a call the harness timed out). */
  constructor(
    readonly violation: Violation,
    readonly call?: CallRecord,
  ) {
    super(violation.message);
    this.name = 'CaseAbort';
  }
}

