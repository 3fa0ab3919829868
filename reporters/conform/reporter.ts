/**
 * The reporter interface of oci-conform: optional lifecycle hooks fed by the
 * runner. Reporters format; they never decide a verdict. The shapes here are
 * the contract documented in docs/INTERPRETING.md (REPORT_VERSION).
 */
import type { CaseResult, CgroupLayout, HostConditions, HostProfile, Status } from '../../harness/model.js';

/**
 * Bumped on any incompatible change of RunInfo, CaseResult or RunSummary.
 * 2: a report is written when the run stops before its cases (`stopped`), and
 * its `run` then holds only the fields known by then.
 */
export const REPORT_VERSION = 2;

export interface RunInfo {
  readonly reportVersion: typeof REPORT_VERSION;
  readonly tool: { readonly name: 'oci-conform'; readonly version: string };
  readonly runId: string;
  /** The run's temp directory (bundles, state root); removed at the end of the run. */
  readonly workDir: string;
  /** First segment of every cgroupsPath of the run. */
  readonly cgroupPrefix: string;
  readonly startedAt: string;
  readonly runtime: {
    readonly binary: string;
    readonly profile: string;
    /** First line of `<runtime> --version`. */
    readonly version: string;
    /** How it was chosen: --runtime or the default search. */
    readonly chosenBy: 'option' | 'default';
    /** The `features` document, when the runtime has one. */
    readonly features?: unknown;
  };
  /** Version whose requirement levels decide verdicts. */
  readonly specVersion: string;
  /** ociVersion written into every config. */
  readonly configVersion: string;
  /** Where the version came from (`version-output`: the `spec:` line of `<runtime> --version`). */
  readonly versionSource: 'option' | 'features' | 'version-output' | 'default';
  readonly level: 'MUST' | 'SHOULD';
  readonly host: {
    readonly kernel: string;
    /** The host profile: layout and controllers per hierarchy, kernel, LSMs, cgroup driver, root or rootless (harness/host-profile.ts). */
    readonly profile: HostProfile;
    readonly cgroups: CgroupLayout;
    readonly conditions: HostConditions;
    readonly rootfs: 'busybox' | 'host';
  };
  readonly selection: { readonly total: number; readonly selected: number; readonly shard?: { index: number; total: number } };
  readonly jobs: number;
  readonly timeoutMs: number;
}

export interface ExpectationReport {
  readonly file: string;
  /**
   * Cases whose result differs from the baseline in the bad direction (or that have no entry and failed), or
   * whose violations include one their entry does not name (`new`: what was not expected).
   */
  readonly unexpected: readonly {
    readonly id: string;
    readonly expected: Status;
    readonly actual: Status;
    readonly new?: readonly { readonly requirement: string; readonly path?: string; readonly message: string }[];
  }[];
  /** Baseline entries that no longer hold (the case passes now, or no such case exists). */
  readonly stale: readonly { readonly id: string; readonly expected: Status; readonly actual: Status | 'missing' }[];
  /**
   * Entries expecting fail/warn/error whose case was skipped because this host lacks a condition (`condition`
   * names it): not judged on this host, and no error.
   */
  readonly notJudged: readonly { readonly id: string; readonly expected: Status; readonly reason: string; readonly condition: string }[];
  /** Entries expecting fail/warn/error whose case was skipped for another reason (not the host's): listed, no error. */
  readonly skipped: readonly { readonly id: string; readonly expected: Status; readonly reason: string }[];
}

/** The fields of RunInfo a run knew when it stopped (a field not known yet is absent). */
export type PartialRunInfo = { readonly [K in keyof RunInfo]?: K extends 'runtime' ? Partial<RunInfo['runtime']> : RunInfo[K] };

/** Why a run stopped before its end: an environment or usage error, the runtime failing the canary, a signal. */
export interface RunStop {
  /** An OCI_CONFORM_* error code, OCI_CONFORM_INTERRUPTED (SIGINT/SIGTERM) or OCI_CONFORM_INTERNAL. */
  readonly code: string;
  /** One line for people, the same the CLI prints on stderr. */
  readonly message: string;
}

export interface RunSummary {
  readonly counts: Readonly<Record<Status, number>>;
  readonly durationMs: number;
  readonly results: readonly CaseResult[];
  readonly expectations?: ExpectationReport;
  /** True when SIGINT/SIGTERM stopped the run early. */
  readonly interrupted: boolean;
  /** What cleanup could not remove (empty when the run left nothing behind). */
  readonly leftovers: readonly string[];
  readonly exitCode: number;
  /** Set when the run stopped early; the cases that ran (if any) are in `results`. */
  readonly stopped?: RunStop;
  /** When the run stopped before onRunStart: what was known of RunInfo by then (onRunStart is not called). */
  readonly runSoFar?: PartialRunInfo;
}

/** What the applied baseline expects of each case it names (harness/expectations.ts), for a reporter to show expected results as such. */
export type ExpectedResults = Readonly<Record<string, { readonly status: Status; readonly reason: string; readonly requirements: readonly string[] }>>;

/**
 * One column of a matrix (`oci-conform merge` of reports of different runtimes or host profiles): one run, or the
 * shards of one run merged, with its own baseline verdict (`summary.expectations`, from the reports).
 */
export interface MatrixColumn {
  /** Short name for people: `runc @ hybrid`. */
  readonly label: string;
  readonly run: RunInfo;
  readonly summary: RunSummary;
}

export interface ConformReporter {
  onRunStart?(info: RunInfo): void | Promise<void>;
  /** After onRunStart, when a baseline applies to the run: what it expects. */
  onExpectations?(e: ExpectedResults): void | Promise<void>;
  onCaseStart?(c: { readonly id: string; readonly title: string }): void | Promise<void>;
  onCaseResult?(r: CaseResult): void | Promise<void>;
  onRunEnd?(s: RunSummary): void | Promise<void>;
  /**
   * Instead of the other hooks, for a merge of runs of different runtimes or hosts (a matrix); only reporters that
   * have it can be given to such a merge.
   */
  onMatrix?(columns: readonly MatrixColumn[]): void | Promise<void>;
}
