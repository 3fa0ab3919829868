/** cpu.burst may not exceed a positive cpu.quota (LNX-CPU-QUOTA-NOT-BELOW-BURST, LNX-CPU-BURST-NOT-ABOVE-QUOTA). */
import { defineRule } from '../rule.js';
import { asNumber, at } from '../../json/values.js';
import { inForce } from './util.js';

export default defineRule({
  id: 'linux.cpu.burst-within-quota',
  requirements: ['LNX-CPU-QUOTA-NOT-BELOW-BURST', 'LNX-CPU-BURST-NOT-ABOVE-QUOTA'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (!inForce('LNX-CPU-BURST-NOT-ABOVE-QUOTA', ctx.version)) return;
    const quota = asNumber(at(doc, 'linux', 'resources', 'cpu', 'quota'));
    const burst = asNumber(at(doc, 'linux', 'resources', 'cpu', 'burst'));
    if (quota === undefined || burst === undefined || quota <= 0 || burst <= quota) return;
    yield {
      requirement: 'LNX-CPU-BURST-NOT-ABOVE-QUOTA',
      pointer: '/linux/resources/cpu/burst',
      message: `cpu.burst ${burst} is larger than cpu.quota ${quota}; the burst may be at most the quota`,
      params: { burst, quota },
    };
  },
});
