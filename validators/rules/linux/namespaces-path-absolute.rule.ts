/** A namespace path must be absolute in the runtime mount namespace (LNX-NS-PATH-ABSOLUTE, since 1.0.1). */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';
import { entries, inForce, isAbsolutePath } from './util.js';

export default defineRule({
  id: 'linux.namespaces.path-absolute',
  requirements: ['LNX-NS-PATH-ABSOLUTE'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (!inForce('LNX-NS-PATH-ABSOLUTE', ctx.version)) return;
    for (const [i, ns] of entries(doc, 'linux', 'namespaces')) {
      const path = asString(prop(ns, 'path'));
      if (path === undefined || isAbsolutePath(path)) continue;
      yield {
        pointer: `/linux/namespaces/${i}/path`,
        message: `namespace path '${path}' is relative; it must be an absolute path such as /proc/<pid>/ns/<type>`,
        params: { path },
      };
    }
  },
});
