/**
 * Which runtime-spec version a run targets, and the canary that proves the
 * runtime runs a plain container at all. A runtime that refuses the target
 * ociVersion but runs an older one is told apart from one that can't run
 * anything here: two different environment errors, each quoting the runtime.
 */
import { LATEST_RUNTIME_SPEC, parseSemVer, resolveRuntimeVersion, compareVersions } from '../spec/versions.js';
import type { ConditionState } from './conditions.js';
import type { RuntimeDriver } from './driver/driver.js';
import { describeCall, succeeded } from './driver/record.js';
import type { RuntimeProfile } from './profiles/profile.js';
import { executeCase, type ExecEnv } from './execute.js';
import { CANARY } from './canary.js';
import { OciError } from '../core/errors.js';
import type { CaseResult } from './model.js';

export interface FeaturesDoc {
  readonly ociVersionMin?: string;
  readonly ociVersionMax?: string;
  readonly [k: string]: unknown;
}

export async function readFeatures(driver: RuntimeDriver, profile: RuntimeProfile): Promise<{ doc?: FeaturesDoc; state: ConditionState }> {
  if (!profile.features) return { state: { ok: false, reason: `the ${profile.name} profile has no features subcommand` } };
  const r = await driver.features();
  if (!succeeded(r)) return { state: { ok: false, reason: `the runtime has no working features subcommand (${describeCall(r)})` } };
  try {
    const doc = JSON.parse(r.stdout) as unknown;
    if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) return { doc: doc as FeaturesDoc, state: { ok: true } };
  } catch {
    /* fall through */
  }
  return { state: { ok: false, reason: '`features` printed no JSON object' } };
}

export interface ChosenVersion {
  /**
   * Version whose levels and gates decide verdicts: a release, or a dev window
   * (`1.0.2-dev`: 1.0.2 plus what landed under it, spec/versions.ts).
   */
  readonly specVersion: string;
  /** ociVersion written into configs. */
  readonly configVersion: string;
  /** `version-output`: the `spec:` line of `<runtime> --version`, for a runtime without a usable `features`. */
  readonly source: 'option' | 'features' | 'version-output' | 'default';
}

/**
 * Where a runtime without `features` says which runtime-spec it implements: a line `spec: <version>` in its
 * `--version` output (runc 1.1.5 and Debian's runsc 0.0~20221219 print `spec: 1.0.2-dev`, crun 1.8.1
 * `spec: 1.0.0`). The version as written (how a `-dev` resolves is spec/versions.ts's business), or
 * undefined when no such line names a runtime-spec 1.x version.
 */
export function specVersionFromOutput(text: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*spec\s*:\s*v?(\S+)\s*$/i.exec(line);
    const v = m?.[1];
    if (v !== undefined && parseSemVer(v) && resolveRuntimeVersion(v)) return v;
  }
  return undefined;
}

/** A version the runtime itself named (features or --version), capped at the newest release we know. */
function fromRuntime(declared: string | undefined, source: 'features' | 'version-output'): ChosenVersion | undefined {
  const resolved = declared === undefined ? undefined : resolveRuntimeVersion(declared);
  if (declared === undefined || !resolved) return undefined;
  // Never target more than we know.
  if (compareVersions(declared, LATEST_RUNTIME_SPEC) > 0) return { specVersion: LATEST_RUNTIME_SPEC, configVersion: LATEST_RUNTIME_SPEC, source };
  return { specVersion: resolved, configVersion: declared, source };
}

/**
 * The run's version: `--spec-version`, else the runtime's `features` (ociVersionMax), else the `spec:` line of
 * its `--version` output (`versionOutput`, stdout and stderr of that call), else the newest release we know.
 */
export function chooseVersion(option: string | undefined, features: FeaturesDoc | undefined, versionOutput?: string): ChosenVersion {
  if (option !== undefined) {
    const v = resolveRuntimeVersion(option);
    if (!v || !parseSemVer(option)) throw new OciError('OCI_CONFORM_USAGE', `--spec-version ${option}: not a runtime-spec 1.x version`);
    return { specVersion: v, configVersion: option, source: 'option' };
  }
  const max = features?.ociVersionMax;
  return (
    fromRuntime(typeof max === 'string' ? max : undefined, 'features') ??
    fromRuntime(versionOutput === undefined ? undefined : specVersionFromOutput(versionOutput), 'version-output') ?? {
      specVersion: LATEST_RUNTIME_SPEC,
      configVersion: LATEST_RUNTIME_SPEC,
      source: 'default',
    }
  );
}

function firstFailure(r: CaseResult): string {
  const failed = r.calls.find((c) => !succeeded(c));
  if (failed) return describeCall(failed);
  if (r.outcome.status === 'fail') return r.outcome.violations.map((v) => v.message).join('; ');
  if (r.outcome.status === 'error') return r.outcome.message;
  return r.outcome.status;
}

/** The canary ran: no violation at MUST level (a SHOULD one, e.g. the CLI's pid file convention, is each case's to report). */
function ran(r: CaseResult): boolean {
  const o = r.outcome;
  return o.status === 'pass' || ((o.status === 'fail' || o.status === 'warn') && o.violations.every((v) => v.level !== 'MUST'));
}

/**
 * The runtime itself failed, not the host: every call it was asked succeeded,
 * but start ran nothing (the harness's bounded wait cites RT-START-RUNS-PROCESS).
 */
function runtimeFailure(r: CaseResult): string | undefined {
  const o = r.outcome;
  if (o.status !== 'fail' || !r.calls.every((c) => succeeded(c) || c.argv.includes('--force'))) return undefined;
  return o.violations.find((v) => v.requirement === 'RT-START-RUNS-PROCESS')?.message;
}

/**
 * Throws unless a plain container runs with the chosen version: an environment
 * error when the host can't run it or the version is refused, a runtime
 * failure (exit 1) when the runtime said yes to everything and ran nothing.
 */
export async function runCanary(env: ExecEnv, runId: string, version: ChosenVersion, features: FeaturesDoc | undefined): Promise<void> {
  const first = await executeCase(CANARY, `${runId}-canary`, env);
  if (ran(first)) return;
  if (env.runSignal.aborted) return;
  const broken = runtimeFailure(first);
  if (broken) {
    throw new OciError(
      'OCI_CONFORM_CANARY_RUNTIME_FAILED',
      `the runtime started nothing: ${broken}; create, start and state all exited 0, so this is the runtime failing the canary, not the host`,
    );
  }
  const why = firstFailure(first);
  const fallback = features?.ociVersionMin && features.ociVersionMin !== version.configVersion ? features.ociVersionMin : version.configVersion !== '1.0.0' ? '1.0.0' : undefined;
  if (fallback) {
    const second = await executeCase(CANARY, `${runId}-canary2`, { ...env, configVersion: fallback });
    if (ran(second)) {
      throw new OciError(
        'OCI_CONFORM_VERSION_REJECTED',
        `the runtime rejects configs with ociVersion ${version.configVersion} (${why}) but runs ${fallback}: pass --spec-version ${fallback} (or the newest version it accepts)`,
      );
    }
    throw new OciError('OCI_CONFORM_CANARY_FAILED', `canary container failed with ociVersion ${version.configVersion} (${why}) and with ${fallback} (${firstFailure(second)}): this runtime can't run a plain container on this host`);
  }
  throw new OciError('OCI_CONFORM_CANARY_FAILED', `canary container failed with ociVersion ${version.configVersion}: ${why}`);
}
