/** rlimit types the kernel has no resource for make the runtime fail (Linux: getrlimit(2); Solaris: getrlimit(3)). */
import { defineRule } from '../rule.js';
import { asArray, asString, at, prop } from '../../json/values.js';
import { isLinux, isSolaris } from './platform.js';
import { LINUX_RLIMITS, SOLARIS_RLIMITS } from './linux-names.js';

export default defineRule({
  id: 'config.process.rlimit-type',
  requirements: ['CFG-RLIMIT-TYPE-MAPPABLE'],
  appliesTo: ['config'],
  *check(doc) {
    const known = isLinux(doc) ? LINUX_RLIMITS : isSolaris(doc) ? SOLARIS_RLIMITS : undefined;
    if (!known) return;
    const list = asArray(at(doc, 'process', 'rlimits'));
    for (let i = 0; i < list.length; i++) {
      const type = asString(prop(list[i], 'type'));
      if (type === undefined || known.includes(type)) continue;
      yield {
        pointer: `/process/rlimits/${i}/type`,
        message: `${JSON.stringify(type)} is not a ${isLinux(doc) ? 'Linux' : 'Solaris'} resource limit (known: ${known.join(', ')})`,
        params: { value: type },
      };
    }
  },
});
