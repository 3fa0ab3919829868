/**
 * windows.resources.cpu: count, shares and maximum are mutually exclusive
 * (config-windows.md since 1.1.0, and 1.0.2-dev, without an RFC 2119 keyword: a warning).
 */
import { defineRule } from '../rule.js';
import { isObject, at } from '../../json/values.js';
import { reached } from '../../../spec/versions.js';
import { DEV_1_0_2 } from '../../../spec/dev-windows.js';

const EXCLUSIVE = ['count', 'shares', 'maximum'];

export default defineRule({
  id: 'platform.windows.cpu-exclusive',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (!reached(ctx.version, '1.1.0', DEV_1_0_2)) return; // landed under 1.0.2-dev (#1144)
    const cpu = at(doc, 'windows', 'resources', 'cpu');
    if (!isObject(cpu)) return;
    const set = EXCLUSIVE.filter((k) => k in cpu && cpu[k] !== null);
    if (set.length < 2) return;
    // two of them is a value runtimes must refuse; no keyword says so: lowered to SHOULD
    yield {
      level: 'SHOULD',
      pointer: `/windows/resources/cpu/${set[1]!}`,
      at: 'key',
      message: `windows.resources.cpu sets ${set.join(' and ')}, which are mutually exclusive; set only one of count, shares, maximum`,
      params: { set },
    };
  },
});
