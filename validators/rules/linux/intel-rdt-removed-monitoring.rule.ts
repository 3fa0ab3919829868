/**
 * enableCMT and enableMBM exist in 1.1.0 to 1.2.1 only; 1.3.0 replaced both
 * with enableMonitoring. In a later document they are unknown, and so silently
 * ignored (runtimes MUST ignore unknown properties, CFG-EXTENSIBILITY-IGNORE):
 * a SHOULD-level warning that names the replacement.
 */
import { defineRule } from '../rule.js';
import { at } from '../../json/values.js';
import { compareVersions } from '../../../spec/versions.js';

export default defineRule({
  id: 'linux.intel-rdt.removed-monitoring',
  requirements: ['CFG-EXTENSIBILITY-IGNORE'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (compareVersions(ctx.version, '1.3.0') < 0) return;
    for (const key of ['enableCMT', 'enableMBM']) {
      if (at(doc, 'linux', 'intelRdt', key) === undefined) continue;
      yield {
        level: 'SHOULD',
        pointer: `/linux/intelRdt/${key}`,
        at: 'key',
        message: `${key} was removed in spec 1.3.0 and is ignored; use enableMonitoring instead`,
        params: { property: key, replacement: 'enableMonitoring' },
      };
    }
  },
});
