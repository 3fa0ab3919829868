/** A clock offset's nanosecs is below one second (the kernel refuses 1e9 and more, time_namespaces(7)). */
import { defineRule } from '../rule.js';
import { escapePointerToken } from '../../json/pointer.js';
import { asNumber, prop } from '../../json/values.js';
import { members } from './util.js';

const NSEC_PER_SEC = 1_000_000_000;

export default defineRule({
  id: 'linux.time-offsets.nanosecs',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [clock, offset] of members(doc, 'linux', 'timeOffsets')) {
      const ns = asNumber(prop(offset, 'nanosecs'));
      if (ns === undefined || ns < NSEC_PER_SEC) continue;
      yield {
        pointer: `/linux/timeOffsets/${escapePointerToken(clock)}/nanosecs`,
        message: `nanosecs ${ns} is a second or more; give whole seconds in secs and keep nanosecs below 1000000000`,
        params: { nanosecs: ns },
      };
    }
  },
});
