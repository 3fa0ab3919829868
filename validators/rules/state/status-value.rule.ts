/**
 * status: the four standard states, or a runtime-defined one that names a NEW
 * state. A value that is only a spelling of a standard state (other case,
 * blanks around it) stands in for that state, which the spec forbids; an empty
 * one names no state at all. Anything else gets an info-level note.
 */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';

export const STANDARD_STATUSES = ['creating', 'created', 'running', 'stopped'] as const;

export default defineRule({
  id: 'state.status-value',
  requirements: ['RT-STATE-STATUS-VALUES'],
  appliesTo: ['state'],
  *check(doc) {
    const s = asString(prop(doc, 'status'));
    if (s === undefined || (STANDARD_STATUSES as readonly string[]).includes(s)) return;
    const norm = s.trim().toLowerCase();
    const standard = STANDARD_STATUSES.find((x) => x === norm);
    if (standard !== undefined || norm === '') {
      yield {
        pointer: '/status',
        message:
          standard !== undefined
            ? `status ${JSON.stringify(s)} is a variant of the standard state '${standard}'; write it exactly as '${standard}'`
            : `status is empty; expected one of ${STANDARD_STATUSES.join(', ')} or the name of a runtime-defined state`,
        params: { value: s, ...(standard !== undefined ? { standard } : {}) },
      };
      return;
    }
    yield {
      level: 'INFO',
      pointer: '/status',
      message: `status ${JSON.stringify(s)} is not a standard state (${STANDARD_STATUSES.join(', ')}); allowed only as a runtime-defined new state`,
      params: { value: s },
    };
  },
});
