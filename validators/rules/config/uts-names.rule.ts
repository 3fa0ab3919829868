/**
 * hostname and domainname go to sethostname(2)/setdomainname(2), which take at
 * most 64 bytes and no NUL: longer names are values no runtime can apply.
 */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';
import { isLinux } from './platform.js';

const MAX = 64; // HOST_NAME_MAX, and the size of the UTS domainname field

export default defineRule({
  id: 'config.uts-names.valid',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    if (!isLinux(doc)) return;
    for (const k of ['hostname', 'domainname'] as const) {
      const v = asString(prop(doc, k));
      if (v === undefined) continue;
      const bytes = Buffer.byteLength(v, 'utf8');
      if (bytes > MAX)
        yield { pointer: `/${k}`, message: `${k} is ${bytes} bytes long; Linux takes at most ${MAX}`, params: { bytes, max: MAX } };
      else if (v.includes('\0'))
        yield { pointer: `/${k}`, message: `${k} contains a NUL character`, params: {} };
    }
  },
});
