/** A syscalls entry lists syscall names (LNX-SECCOMP-SYSCALL-NAMES-REQUIRED): an empty or blank string names none. */
import { defineRule } from '../rule.js';
import { asArray, asString, prop } from '../../json/values.js';
import { entries } from './util.js';

export default defineRule({
  id: 'linux.seccomp.syscall-name',
  requirements: ['LNX-SECCOMP-SYSCALL-NAMES-REQUIRED'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [i, sc] of entries(doc, 'linux', 'seccomp', 'syscalls')) {
      const names = asArray(prop(sc, 'names'));
      for (let j = 0; j < names.length; j++) {
        const name = asString(names[j]);
        if (name === undefined || (name !== '' && !/[\s\0]/.test(name))) continue;
        yield {
          pointer: `/linux/seccomp/syscalls/${i}/names/${j}`,
          message: `${JSON.stringify(name)} is not a syscall name: it is empty or holds white space (names look like "openat")`,
          params: { name },
        };
      }
    }
  },
});
