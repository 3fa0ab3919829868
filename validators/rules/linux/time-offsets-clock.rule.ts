/** timeOffsets keys name clocks; a time namespace can offset only monotonic and boottime (time_namespaces(7)). */
import { defineRule } from '../rule.js';
import { escapePointerToken } from '../../json/pointer.js';
import { TIME_NAMESPACE_CLOCKS } from './constants.js';
import { members } from './util.js';

const CLOCKS: ReadonlySet<string> = new Set(TIME_NAMESPACE_CLOCKS);

export default defineRule({
  id: 'linux.time-offsets.clock',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [clock] of members(doc, 'linux', 'timeOffsets')) {
      if (CLOCKS.has(clock)) continue;
      yield {
        pointer: `/linux/timeOffsets/${escapePointerToken(clock)}`,
        at: 'key',
        message: `'${clock}' is not a clock a time namespace can offset; use ${TIME_NAMESPACE_CLOCKS.map((c) => `'${c}'`).join(' or ')}`,
        params: { clock, allowed: [...TIME_NAMESPACE_CLOCKS] },
      };
    }
  },
});
