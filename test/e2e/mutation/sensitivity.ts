/**
 * The sensitivity check, as a library the test drives: a pass-through run of
 * every case through wrap.sh (recording each container's config), then one run
 * of the config mutations and a few rounds of liars, each through the real CLI
 * with a plan file, and the verdict of each (mutation, case) pair.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OciConfig } from '../../../fixtures/config.js';
import { runCli } from '../conform/leftovers.js';
import { EFFECT, FIELD_OVERRIDES, LIARS, fieldOps, type LiarKind, type MutationKind, type Op } from './plan.js';

export const WRAPPER = join(import.meta.dirname, 'wrap.sh');

interface Violation {
  readonly requirement: string;
  readonly level: string;
  readonly message: string;
}
export interface CaseResult {
  readonly id: string;
  readonly requirements: readonly string[];
  readonly outcome: { readonly status: 'pass' | 'fail' | 'warn' | 'skip' | 'error'; readonly reason?: string; readonly message?: string; readonly violations?: readonly Violation[] };
  readonly calls: readonly { readonly argv: readonly string[] }[];
}
export interface Report {
  readonly run: { readonly runId: string; readonly workDir: string; readonly cgroupPrefix: string; readonly configVersion: string; readonly specVersion: string };
  readonly summary: { readonly exitCode: number; readonly leftovers: readonly string[]; readonly expectations?: { readonly unexpected: readonly unknown[]; readonly stale: readonly unknown[] } };
  readonly results: readonly CaseResult[];
}

export interface Options {
  /** Scratch directory of the whole check. */
  readonly dir: string;
  /** Environment for every CLI run (the ledger dir at least). */
  readonly env: NodeJS.ProcessEnv;
  readonly jobs: number;
  /** Per-case timeout of the liar rounds (a liar may leave a case waiting). */
  readonly liarTimeoutMs: number;
  readonly specVersion?: string;
  /** Extra CLI arguments of the baseline run (e.g. --expectations). */
  readonly baselineArgs?: readonly string[];
}

/** How one (mutation, case) pair ended. */
export type Verdict =
  | { readonly caught: true; readonly exercised: true; readonly status: 'fail' | 'warn'; readonly how: string; readonly byRefusal: boolean }
  | { readonly caught: false; readonly exercised: boolean; readonly status: string; readonly how: string };

export interface Target {
  readonly kind: MutationKind;
  readonly id: string;
  readonly verdict: Verdict;
}

export interface Sensitivity {
  readonly baseline: Report;
  readonly baselineRun: { readonly code: number | null; readonly stdout: string; readonly stderr: string };
  /** Cases that ran at baseline (not skipped), by id. */
  readonly ran: ReadonlySet<string>;
  /** Cases whose config differs from the minimal one in a field they check, with the ops per container name. */
  readonly configTargets: ReadonlyMap<string, ReadonlyMap<string, readonly Op[]>>;
  /** Every (mutation, case) pair judged. */
  readonly targets: readonly Target[];
  /** Problems with the check itself (a mutation that did not take, a run that broke). */
  readonly problems: readonly string[];
  readonly durationsMs: Readonly<Record<string, number>>;
}

const ID = /^oc[0-9a-f]+-(\d+)-([a-z0-9-]+)$/;

async function runReport(name: string, args: readonly string[], o: Options, extraEnv: NodeJS.ProcessEnv): Promise<{ report: Report; code: number | null; stdout: string; stderr: string }> {
  const json = join(o.dir, `${name}.json`);
  const spec = o.specVersion ? ['--spec-version', o.specVersion] : [];
  const r = await runCli(['--runtime', WRAPPER, '--profile', 'runc', '--jobs', String(o.jobs), ...spec, ...args, '--reporter', `json=${json}`], { env: { ...o.env, ...extraEnv } });
  const text = await readFile(json, 'utf8').catch(() => undefined);
  if (text === undefined) throw new Error(`${name}: no JSON report (exit ${r.code}): ${r.stderr.slice(-2000)}`);
  return { report: JSON.parse(text) as Report, ...r };
}

/** The ids `list` selects for these --only globs, in the run's order (container ids carry that index). */
async function selection(ids: readonly string[], o: Options): Promise<string[]> {
  const r = await runCli(['list', ...ids.flatMap((id) => ['--only', id])], { env: o.env });
  if (r.code !== 0) throw new Error(`list: exit ${r.code}: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((l) => l.split('\t')[0]!);
}

function violationKey(v: Violation, run: Report['run']): string {
  return `${v.requirement} ${v.message.split(run.runId).join('RUN').split(run.workDir).join('WORK')}`;
}

/**
 * Caught: the case fails (or warns: only SHOULDs were violated), and when it already failed at
 * baseline, with a violation the baseline did not have (an expected failure must not hide a
 * second deviation). A mutation that never took effect is reported as such.
 */
export function judge(kind: MutationKind, base: CaseResult, mutated: CaseResult | undefined, effects: readonly string[], runs: { base: Report['run']; mutated: Report['run'] }): Verdict {
  if (!mutated) return { caught: false, exercised: true, status: 'missing', how: 'no result in the mutated run' };
  const st = mutated.outcome.status;
  if (effects.length === 0) return { caught: false, exercised: false, status: st, how: `the ${kind} mutation never took effect: the case never saw what it changes` };
  if (st === 'fail' || st === 'warn') {
    const before = new Set((base.outcome.violations ?? []).map((v) => violationKey(v, runs.base)));
    const fresh = (mutated.outcome.violations ?? []).filter((v) => !before.has(violationKey(v, runs.mutated)));
    // Caught only because runc refused the mutated config: the case failed, but not by seeing the field.
    const byRefusal = fresh.every((v) => /^create of \S+ failed/.test(v.message));
    if (fresh.length > 0) return { caught: true, exercised: true, status: st, how: `${fresh[0]!.requirement}: ${fresh[0]!.message.slice(0, 160)}`, byRefusal };
    return { caught: false, exercised: true, status: st, how: `fails only as at baseline (${base.outcome.status})` };
  }
  if (st === 'error') return { caught: false, exercised: true, status: st, how: `error instead of a failure: ${(mutated.outcome.message ?? '').slice(0, 160)}` };
  return { caught: false, exercised: true, status: st, how: st === 'skip' ? `skipped: ${mutated.outcome.reason ?? ''}` : 'passes' };
}

interface Round {
  readonly name: string;
  readonly kind: (id: string) => MutationKind;
  readonly ids: readonly string[];
  readonly plan: (index: number, id: string) => { config?: Record<string, readonly Op[]>; liar?: LiarKind };
  readonly timeoutMs?: number;
}

async function runRound(round: Round, o: Options, baseline: Report, byId: ReadonlyMap<string, CaseResult>, problems: string[]): Promise<Target[]> {
  if (round.ids.length === 0) return [];
  const order = await selection(round.ids, o);
  const plan: { config: Record<string, readonly Op[]>; liar: Record<string, LiarKind> } = { config: {}, liar: {} };
  for (const [i, id] of order.entries()) {
    if (!round.ids.includes(id)) continue;
    const p = round.plan(i, id);
    for (const [name, ops] of Object.entries(p.config ?? {})) plan.config[`${i}-${name}`] = ops;
    if (p.liar) plan.liar[String(i)] = p.liar;
  }
  const planFile = join(o.dir, `${round.name}.plan.json`);
  const logFile = join(o.dir, `${round.name}.log`);
  await writeFile(planFile, JSON.stringify(plan));
  await writeFile(logFile, '');
  const timeout = round.timeoutMs ? ['--timeout', String(round.timeoutMs)] : [];
  const { report } = await runReport(round.name, [...round.ids.flatMap((id) => ['--only', id]), ...timeout], o, { MUTATION_PLAN: planFile, MUTATION_LOG: logFile });
  if (report.summary.leftovers.length > 0) problems.push(`${round.name}: left behind ${report.summary.leftovers.join(', ')}`);
  const effects = new Map<string, string[]>();
  for (const line of (await readFile(logFile, 'utf8')).split('\n').filter(Boolean)) {
    const [cid, ...rest] = line.split(' ');
    const m = ID.exec(cid ?? '');
    const id = m ? order[Number(m[1])] : undefined;
    if (id) effects.set(id, [...(effects.get(id) ?? []), rest.join(' ')]);
  }
  const mutatedById = new Map(report.results.map((r) => [r.id, r]));
  return round.ids.map((id) => {
    const kind = round.kind(id);
    const log = effects.get(id) ?? [];
    if (kind === 'config' && log.some((l) => l.startsWith('config unchanged'))) problems.push(`config mutation of ${id} changed nothing: ${log.join('; ')}`);
    const verdict = judge(kind, byId.get(id)!, mutatedById.get(id), log.filter((l) => EFFECT[kind].test(l)), { base: baseline.run, mutated: report.run });
    return { kind, id, verdict };
  });
}

export async function measure(o: Options): Promise<Sensitivity> {
  const durationsMs: Record<string, number> = {};
  const problems: string[] = [];
  const timed = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await f();
    } finally {
      durationsMs[name] = Math.round(performance.now() - t);
    }
  };

  // 1. Every case through the wrapper, passing everything on and recording each created config.
  const recordDir = join(o.dir, 'configs');
  await (await import('node:fs/promises')).mkdir(recordDir, { recursive: true });
  const empty = join(o.dir, 'empty.plan.json');
  await writeFile(empty, '{}');
  const base = await timed('baseline', () => runReport('baseline', o.baselineArgs ?? [], o, { MUTATION_PLAN: empty, MUTATION_RECORD: recordDir }));
  const baseline = base.report;
  const byId = new Map(baseline.results.map((r) => [r.id, r]));
  const ran = new Set(baseline.results.filter((r) => r.outcome.status !== 'skip').map((r) => r.id));

  // 2. The field under test of every container of every case that ran.
  const containers = new Map<string, { cid: string; name: string; config: OciConfig }[]>();
  for (const f of await readdir(recordDir)) {
    const cid = f.replace(/\.json$/, '');
    const m = ID.exec(cid);
    const r = m ? baseline.results[Number(m[1])] : undefined;
    if (!m || !r) continue;
    const config = JSON.parse(await readFile(join(recordDir, f), 'utf8')) as OciConfig;
    containers.set(r.id, [...(containers.get(r.id) ?? []), { cid, name: m[2]!, config }]);
  }
  const configTargets = new Map<string, Map<string, readonly Op[]>>();
  for (const [id, list] of containers) {
    const perName = new Map<string, readonly Op[]>();
    for (const rec of list) {
      const override = FIELD_OVERRIDES[id];
      const ops = override ? override.ops(rec) : fieldOps(rec, byId.get(id)!.requirements, baseline.run.configVersion, `${baseline.run.cgroupPrefix}/${rec.cid}`);
      if (ops.length > 0) perName.set(rec.name, ops);
    }
    if (perName.size > 0 && ran.has(id)) configTargets.set(id, perName);
  }

  for (const id of Object.keys(FIELD_OVERRIDES)) if (!byId.has(id)) problems.push(`FIELD_OVERRIDES names ${id}, which is not a case`);

  const targets: Target[] = [];
  // 3. One run with every config mutation.
  const configIds = [...configTargets.keys()].sort();
  targets.push(
    ...(await timed('config', () =>
      runRound({ name: 'config', kind: () => 'config', ids: configIds, plan: (_, id) => ({ config: Object.fromEntries(configTargets.get(id)!) }) }, o, baseline, byId, problems),
    )),
  );

  // 4. Liars, in rounds: each case gets at most one liar per run.
  const liarsOf = new Map<string, LiarKind[]>();
  for (const id of [...ran].sort()) {
    const reqs = byId.get(id)!.requirements;
    const kinds = (Object.keys(LIARS) as LiarKind[]).filter((k) => LIARS[k].some((q) => reqs.includes(q)));
    if (kinds.length > 0) liarsOf.set(id, kinds);
  }
  const rounds = Math.max(0, ...[...liarsOf.values()].map((k) => k.length));
  for (let n = 0; n < rounds; n++) {
    const ids = [...liarsOf.keys()].filter((id) => liarsOf.get(id)!.length > n);
    const kindOf = (id: string): LiarKind => liarsOf.get(id)![n]!;
    targets.push(
      ...(await timed(`liars-${n + 1}`, () => runRound({ name: `liars-${n + 1}`, kind: kindOf, ids, plan: (_, id) => ({ liar: kindOf(id) }), timeoutMs: o.liarTimeoutMs }, o, baseline, byId, problems))),
    );
  }
  return { baseline, baselineRun: base, ran, configTargets, targets, problems, durationsMs };
}

/**
 * The figure: cases with a proven negative over cases judged, for config fields and for the
 * liars (a case counts as proven when it catches every liar aimed at it that it saw), and per
 * kind as (mutation, case) pairs. A liar the case never saw (a state liar for a status the case
 * never asks about) is not judged.
 */
export function figure(s: Sensitivity): {
  readonly config: { caught: number; total: number };
  readonly lifecycle: { caught: number; total: number };
  readonly byKind: Record<string, { caught: number; total: number }>;
  /** Pairs caught only because runc refused the mutated config at create. */
  readonly byRefusal: readonly string[];
} {
  const byKind: Record<string, { caught: number; total: number }> = {};
  const judged = s.targets.filter((t) => t.verdict.exercised);
  for (const t of judged) {
    const k = (byKind[t.kind] ??= { caught: 0, total: 0 });
    k.total++;
    if (t.verdict.caught) k.caught++;
  }
  const cases = (pred: (t: Target) => boolean): { caught: number; total: number } => {
    const ids = new Set(judged.filter(pred).map((t) => t.id));
    const missed = new Set(judged.filter((t) => pred(t) && !t.verdict.caught).map((t) => t.id));
    return { caught: ids.size - missed.size, total: ids.size };
  };
  const byRefusal = judged.filter((t) => t.verdict.caught && t.verdict.byRefusal).map((t) => `${t.kind} ${t.id}`);
  return { config: cases((t) => t.kind === 'config'), lifecycle: cases((t) => t.kind !== 'config'), byKind, byRefusal };
}
