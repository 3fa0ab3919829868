/** l3CacheSchema should start with 'L3:' and hold no newline (LNX-RDT-L3-PREFIX, LNX-RDT-L3-NO-NEWLINE). */
import { defineRule } from '../rule.js';
import { asString, at } from '../../json/values.js';
import { inForce, show } from './util.js';

export default defineRule({
  id: 'linux.intel-rdt.l3-cache-schema',
  requirements: ['LNX-RDT-L3-PREFIX', 'LNX-RDT-L3-NO-NEWLINE'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    const s = asString(at(doc, 'linux', 'intelRdt', 'l3CacheSchema'));
    if (s === undefined) return;
    if (inForce('LNX-RDT-L3-PREFIX', ctx.version) && !s.startsWith('L3:'))
      yield { requirement: 'LNX-RDT-L3-PREFIX', pointer: '/linux/intelRdt/l3CacheSchema', message: `l3CacheSchema ${show(s)} does not start with 'L3:'`, params: { value: s } };
    if (inForce('LNX-RDT-L3-NO-NEWLINE', ctx.version) && /[\r\n]/.test(s))
      yield { requirement: 'LNX-RDT-L3-NO-NEWLINE', pointer: '/linux/intelRdt/l3CacheSchema', message: 'l3CacheSchema holds a newline; give one line (use schemata for several)', params: { value: s } };
  },
});
