/** Every readonlyPaths entry is an absolute path in the container (LNX-READONLY-PATHS-ABSOLUTE). */
import { defineRule } from '../rule.js';
import { asString } from '../../json/values.js';
import { entries, isAbsolutePath } from './util.js';

export default defineRule({
  id: 'linux.readonly-paths.absolute',
  requirements: ['LNX-READONLY-PATHS-ABSOLUTE'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [i, v] of entries(doc, 'linux', 'readonlyPaths')) {
      const path = asString(v);
      if (path === undefined || isAbsolutePath(path)) continue;
      yield {
        pointer: `/linux/readonlyPaths/${i}`,
        message: `readonlyPaths entry '${path}' is relative; it must be an absolute path inside the container`,
        params: { path },
      };
    }
  },
});
