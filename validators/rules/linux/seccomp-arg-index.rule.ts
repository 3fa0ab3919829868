/** A syscall has at most six arguments: args[].index is 0 to 5 (LNX-SECCOMP-ARG-INDEX-REQUIRED). */
import { defineRule } from '../rule.js';
import { asNumber, prop } from '../../json/values.js';
import { entries } from './util.js';

export default defineRule({
  id: 'linux.seccomp.arg-index',
  requirements: ['LNX-SECCOMP-ARG-INDEX-REQUIRED'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [i, sc] of entries(doc, 'linux', 'seccomp', 'syscalls'))
      for (const [j, arg] of entries(sc, 'args')) {
        const index = asNumber(prop(arg, 'index'));
        if (index === undefined || index < 0 || index <= 5) continue;
        yield {
          pointer: `/linux/seccomp/syscalls/${i}/args/${j}/index`,
          message: `argument index ${index} is out of range: syscalls have six arguments, numbered 0 to 5`,
          params: { index },
        };
      }
  },
});
