/** Every maskedPaths entry is an absolute path in the container (LNX-MASKED-PATHS-ABSOLUTE). */
import { defineRule } from '../rule.js';
import { asString } from '../../json/values.js';
import { entries, isAbsolutePath } from './util.js';

export default defineRule({
  id: 'linux.masked-paths.absolute',
  requirements: ['LNX-MASKED-PATHS-ABSOLUTE'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [i, v] of entries(doc, 'linux', 'maskedPaths')) {
      const path = asString(v);
      if (path === undefined || isAbsolutePath(path)) continue;
      yield {
        pointer: `/linux/maskedPaths/${i}`,
        message: `maskedPaths entry '${path}' is relative; it must be an absolute path inside the container`,
        params: { path },
      };
    }
  },
});
