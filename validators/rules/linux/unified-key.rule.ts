/**
 * A unified key names one file of the container's cgroup directory. A key
 * with a slash, or '.' or '..', would reach outside it.
 */
import { defineRule } from '../rule.js';
import { escapePointerToken } from '../../json/pointer.js';
import { members } from './util.js';

export default defineRule({
  id: 'linux.unified.key',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [key] of members(doc, 'linux', 'resources', 'unified')) {
      if (key !== '' && key !== '.' && key !== '..' && !key.includes('/') && !key.includes('\0')) continue;
      yield {
        pointer: `/linux/resources/unified/${escapePointerToken(key)}`,
        at: 'key',
        message: `unified key '${key}' is not the name of a file in the cgroup directory (such as "memory.max")`,
        params: { key },
      };
    }
  },
});
