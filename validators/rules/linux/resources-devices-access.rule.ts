/** A device cgroup access string is made of 'r', 'w' and 'm', each at most once. */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';
import { entries } from './util.js';

export default defineRule({
  id: 'linux.resources.devices.access',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [i, rule] of entries(doc, 'linux', 'resources', 'devices')) {
      const access = asString(prop(rule, 'access'));
      if (access === undefined || access === '') continue; // empty reads as unset
      const ok = /^[rwm]+$/.test(access) && new Set(access).size === access.length;
      if (ok) continue;
      yield {
        pointer: `/linux/resources/devices/${i}/access`,
        message: `access '${access}' is not a combination of 'r' (read), 'w' (write) and 'm' (mknod), e.g. "rwm"`,
        params: { access },
      };
    }
  },
});
