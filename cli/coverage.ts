/**
 * The inputs of `oci-conform coverage` gathered on this host: oci-validate's
 * checkers per requirement id, the cases, and the conditions probed as a run
 * probes them but without a runtime (runtime conditions stay unprobed).
 */
import { computeCoverage, type CoverageCase, type CoverageReport } from '../harness/coverage.js';
import { detectCgroupLayout } from '../harness/inspect/cgroup-layout.js';
import { probeConditions } from '../harness/probe.js';
import { RULES } from '../validators/rules/select.js';
import { LAYOUT_CHECKS } from '../validators/image/checks.js';
import { metaLoaders } from '../validators/generated/schemas/index.js';

/** Requirement id -> rule and layout check ids, and `schema:<name>` for a schema annotation (any version). */
export async function staticCheckers(): Promise<Map<string, string[]>> {
  const by = new Map<string, Set<string>>();
  const add = (id: string, who: string): void => void by.set(id, (by.get(id) ?? new Set()).add(who));
  for (const r of [...RULES, ...LAYOUT_CHECKS]) for (const id of r.requirements) add(id, r.id);
  for (const [name, load] of Object.entries(metaLoaders)) {
    const m = await load();
    for (const id of Object.values(m.meta.requirements)) add(id, `schema:${name.split('@')[0]}`);
  }
  return new Map([...by].map(([k, v]) => [k, [...v]]));
}

export async function coverageHere(cases: readonly CoverageCase[]): Promise<CoverageReport> {
  const layout = await detectCgroupLayout();
  const notProbed = { ok: false, reason: 'a runtime condition: probed only in a run' } as const;
  const conditions = await probeConditions({ layout, features: notProbed, consoleSocket: false });
  return computeCoverage({ rulesById: await staticCheckers(), cases, conditions });
}
