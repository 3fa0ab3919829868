/** No two devices should share type, major and minor (LNX-DEVICES-NO-DUPLICATE-NUMBERS). */
import { defineRule } from '../rule.js';
import { asNumber, asString, prop } from '../../json/values.js';
import { entries } from './util.js';

export default defineRule({
  id: 'linux.devices.unique-numbers',
  requirements: ['LNX-DEVICES-NO-DUPLICATE-NUMBERS'],
  appliesTo: ['config'],
  *check(doc) {
    const first = new Map<string, number>();
    for (const [i, dev] of entries(doc, 'linux', 'devices')) {
      const type = asString(prop(dev, 'type'));
      const major = asNumber(prop(dev, 'major'));
      const minor = asNumber(prop(dev, 'minor'));
      if (type === undefined || type === 'p' || major === undefined || minor === undefined) continue;
      const key = `${type} ${major}:${minor}`;
      const seen = first.get(key);
      if (seen === undefined) {
        first.set(key, i);
        continue;
      }
      yield {
        pointer: `/linux/devices/${i}`,
        message: `device ${key} is listed again (first at /linux/devices/${seen}); use one entry per device`,
        params: { type, major, minor, first: seen, again: i },
      };
    }
  },
});
