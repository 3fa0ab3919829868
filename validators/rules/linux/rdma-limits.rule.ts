/** An rdma entry gives hcaHandles, hcaObjects or both (LNX-RDMA-HANDLES-OR-OBJECTS). */
import { defineRule } from '../rule.js';
import { escapePointerToken } from '../../json/pointer.js';
import { isObject, prop } from '../../json/values.js';
import { inForce, members } from './util.js';

export default defineRule({
  id: 'linux.rdma.handles-or-objects',
  requirements: ['LNX-RDMA-HANDLES-OR-OBJECTS'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (!inForce('LNX-RDMA-HANDLES-OR-OBJECTS', ctx.version)) return;
    for (const [device, limits] of members(doc, 'linux', 'resources', 'rdma')) {
      if (!isObject(limits) || prop(limits, 'hcaHandles') !== undefined || prop(limits, 'hcaObjects') !== undefined) continue;
      yield {
        pointer: `/linux/resources/rdma/${escapePointerToken(device)}`,
        message: `rdma limits for '${device}' give neither hcaHandles nor hcaObjects; give at least one`,
        params: { device },
      };
    }
  },
});
