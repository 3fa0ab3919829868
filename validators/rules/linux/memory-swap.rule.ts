/**
 * memory.swap limits memory plus swap, so a positive value below a positive
 * memory.limit cannot hold (cgroup v1 refuses it): an invalid value, which
 * runtimes must refuse (CFG-VALID-VALUES-ERROR). The text never states the
 * order, so our reading is uncertain and the finding is lowered to SHOULD.
 */
import { defineRule } from '../rule.js';
import { asNumber, at } from '../../json/values.js';

export default defineRule({
  id: 'linux.memory.swap-below-limit',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    const limit = asNumber(at(doc, 'linux', 'resources', 'memory', 'limit'));
    const swap = asNumber(at(doc, 'linux', 'resources', 'memory', 'swap'));
    if (limit === undefined || swap === undefined || limit <= 0 || swap <= 0 || swap >= limit) return;
    yield {
      level: 'SHOULD',
      pointer: '/linux/resources/memory/swap',
      message: `memory.swap ${swap} is below memory.limit ${limit}; swap is the memory+swap limit and must be at least the memory limit (or -1)`,
      params: { swap, limit },
    };
  },
});
