/** cpu.cpus and cpu.mems are lists of numbers and ranges such as "0-3,7". */
import { defineRule } from '../rule.js';
import { asString, at } from '../../json/values.js';
import { listProblem } from './util.js';

export default defineRule({
  id: 'linux.cpu.cpuset-list',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    for (const key of ['cpus', 'mems']) {
      const text = asString(at(doc, 'linux', 'resources', 'cpu', key));
      const why = text === undefined ? undefined : listProblem(text);
      if (why === undefined) continue;
      yield {
        pointer: `/linux/resources/cpu/${key}`,
        message: `cpu.${key} '${text}' is not a list such as "0-3,7": ${why}`,
        params: { value: text, reason: why },
      };
    }
  },
});
