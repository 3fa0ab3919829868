/** Two rlimits of the same type are an error. */
import { defineRule } from '../rule.js';
import { asArray, asString, at, prop } from '../../json/values.js';

export default defineRule({
  id: 'config.process.rlimits-unique',
  requirements: ['CFG-RLIMIT-UNIQUE-TYPE'],
  appliesTo: ['config'],
  *check(doc) {
    const seen = new Map<string, number>();
    const list = asArray(at(doc, 'process', 'rlimits'));
    for (let i = 0; i < list.length; i++) {
      const type = asString(prop(list[i], 'type'));
      if (type === undefined) continue;
      const first = seen.get(type);
      if (first === undefined) {
        seen.set(type, i);
        continue;
      }
      yield {
        pointer: `/process/rlimits/${i}/type`,
        message: `${type} is already limited by rlimit ${first}; each type may appear once`,
        params: { value: type, first },
      };
    }
  },
});
