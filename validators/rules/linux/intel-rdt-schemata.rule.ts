/** Each intelRdt.schemata element is one line of the schemata file: no newline (LNX-RDT-SCHEMATA-NO-NEWLINE). */
import { defineRule } from '../rule.js';
import { asString } from '../../json/values.js';
import { entries, inForce } from './util.js';

export default defineRule({
  id: 'linux.intel-rdt.schemata-newline',
  requirements: ['LNX-RDT-SCHEMATA-NO-NEWLINE'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (!inForce('LNX-RDT-SCHEMATA-NO-NEWLINE', ctx.version)) return;
    for (const [i, line] of entries(doc, 'linux', 'intelRdt', 'schemata')) {
      const s = asString(line);
      if (s === undefined || !/[\r\n]/.test(s)) continue;
      yield {
        pointer: `/linux/intelRdt/schemata/${i}`,
        message: 'schemata element holds a newline; give each line as its own element',
        params: { value: s },
      };
    }
  },
});
