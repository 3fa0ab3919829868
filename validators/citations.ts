/** The requirement ids that oci-validate checks: cited by a rule, a layout check or a schema annotation. */
import { RULES } from './rules/select.js';
import { metaLoaders } from './generated/schemas/index.js';
import { LAYOUT_CHECKS } from './image/checks.js';

export async function staticCitations(): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const r of [...RULES, ...LAYOUT_CHECKS]) for (const id of r.requirements) ids.add(id);
  for (const load of Object.values(metaLoaders)) {
    const m = await load();
    for (const id of Object.values(m.meta.requirements)) ids.add(id);
  }
  return ids;
}
