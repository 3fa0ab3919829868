/** Two namespaces entries of one type: the runtime must refuse the config (LNX-NS-DUPLICATE-TYPE). */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';
import { entries } from './util.js';

export default defineRule({
  id: 'linux.namespaces.unique-type',
  requirements: ['LNX-NS-DUPLICATE-TYPE'],
  appliesTo: ['config'],
  *check(doc) {
    const first = new Map<string, number>();
    for (const [i, ns] of entries(doc, 'linux', 'namespaces')) {
      const type = asString(prop(ns, 'type'));
      if (type === undefined) continue;
      const seen = first.get(type);
      if (seen === undefined) {
        first.set(type, i);
        continue;
      }
      yield {
        pointer: `/linux/namespaces/${i}/type`,
        message: `namespace type '${type}' appears again (first at /linux/namespaces/${seen}); each type may appear once`,
        params: { type, first: seen, again: i },
      };
    }
  },
});
