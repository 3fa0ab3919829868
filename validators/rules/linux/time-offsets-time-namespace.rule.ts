/**
 * timeOffsets set the clocks of the container's time namespace; without a
 * time namespace entry they have nowhere to go: a value runtimes must refuse
 * (CFG-VALID-VALUES-ERROR). No sentence says so, so the finding is lowered to SHOULD.
 */
import { defineRule } from '../rule.js';
import { asString, at, isObject, prop } from '../../json/values.js';
import { entries } from './util.js';

export default defineRule({
  id: 'linux.time-offsets.time-namespace',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    const offsets = at(doc, 'linux', 'timeOffsets');
    if (!isObject(offsets) || Object.keys(offsets).length === 0) return;
    const timens = entries(doc, 'linux', 'namespaces').find(([, ns]) => asString(prop(ns, 'type')) === 'time');
    if (timens && asString(prop(timens[1], 'path')) === undefined) return;
    yield {
      level: 'SHOULD',
      pointer: '/linux/timeOffsets',
      at: 'key',
      message: timens
        ? 'timeOffsets is set but the time namespace is joined by path: offsets can only be set on a new time namespace'
        : "timeOffsets is set but linux.namespaces has no 'time' entry: add {\"type\": \"time\"}",
      params: { joined: timens !== undefined },
    };
  },
});
