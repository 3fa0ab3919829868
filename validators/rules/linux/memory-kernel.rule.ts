/** memory.kernel and memory.kernelTCP are not recommended since 1.1.0 (the kernel dropped kernel memory limits). */
import { defineRule } from '../rule.js';
import { at } from '../../json/values.js';
import { inForce } from './util.js';

const FIELDS = [
  ['kernel', 'LNX-MEMORY-KERNEL-NOT-RECOMMENDED'],
  ['kernelTCP', 'LNX-MEMORY-KERNELTCP-NOT-RECOMMENDED'],
] as const;

export default defineRule({
  id: 'linux.memory.kernel-not-recommended',
  requirements: FIELDS.map(([, id]) => id),
  appliesTo: ['config'],
  *check(doc, ctx) {
    for (const [field, id] of FIELDS) {
      if (!inForce(id, ctx.version) || at(doc, 'linux', 'resources', 'memory', field) === undefined) continue;
      yield {
        requirement: id,
        pointer: `/linux/resources/memory/${field}`,
        at: 'key',
        message: `memory.${field} is not recommended: kernel memory limits are deprecated and ignored by recent kernels; leave it out`,
        params: { property: field },
      };
    }
  },
});
