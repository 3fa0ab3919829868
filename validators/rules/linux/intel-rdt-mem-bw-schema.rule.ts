/** memBwSchema must start with 'MB:' and hold no newline (LNX-RDT-MB-PREFIX, LNX-RDT-MB-NO-NEWLINE). */
import { defineRule } from '../rule.js';
import { asString, at } from '../../json/values.js';
import { inForce, show } from './util.js';

export default defineRule({
  id: 'linux.intel-rdt.mem-bw-schema',
  requirements: ['LNX-RDT-MB-PREFIX', 'LNX-RDT-MB-NO-NEWLINE'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    const s = asString(at(doc, 'linux', 'intelRdt', 'memBwSchema'));
    if (s === undefined) return;
    if (inForce('LNX-RDT-MB-PREFIX', ctx.version) && !s.startsWith('MB:'))
      yield { requirement: 'LNX-RDT-MB-PREFIX', pointer: '/linux/intelRdt/memBwSchema', message: `memBwSchema ${show(s)} does not start with 'MB:'`, params: { value: s } };
    if (inForce('LNX-RDT-MB-NO-NEWLINE', ctx.version) && /[\r\n]/.test(s))
      yield { requirement: 'LNX-RDT-MB-NO-NEWLINE', pointer: '/linux/intelRdt/memBwSchema', message: 'memBwSchema holds a newline; it must be one line', params: { value: s } };
  },
});
