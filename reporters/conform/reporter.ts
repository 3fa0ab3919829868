/**
 * The reporter interface of oci-conform: optional lifecycle hooks fed by the
 * runner. Reporters format; they never decide a verdict. The shapes here are
 * the contract documented in docs/INTERPRETING.md (REPORT_VERSION).
 */
import type { HostConditions } from '../../harness/conditions.js';
import type { CgroupLayout } from '../../harness/inspect/cgroup-layout.js';
import type { CaseResult, Status } from '../../suites/case.js';

/** Bumped on any incompatible change of RunInfo, CaseResult or RunSummary. */
export const REPORT_VERSION = 1;

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
  /** Cases whose result differs from the baseline in the bad direction (or that have no entry and failed). */
  readonly unexpected: readonly { readonly id: string; readonly expected: Status; readonly actual: Status }[];
  /** Baseline entries that no longer hold (the case passes now, or no such case exists). */
  readonly stale: readonly { readonly id: string; readonly expected: Status; readonly actual: Status | 'missing' }[];
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
}

export interface ConformReporter {
  onRunStart?(info: RunInfo): void | Promise<void>;
  onCaseStart?(c: { readonly id: string; readonly title: string }): void | Promise<void>;
  onCaseResult?(r: CaseResult): void | Promise<void>;
  onRunEnd?(s: RunSummary): void | Promise<void>;
}
