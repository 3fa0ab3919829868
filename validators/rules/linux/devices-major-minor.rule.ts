/** Devices other than fifos ('p') need both major and minor numbers (LNX-DEVICES-MAJOR-MINOR-REQUIRED). */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';
import { entries } from './util.js';

export default defineRule({
  id: 'linux.devices.major-minor',
  requirements: ['LNX-DEVICES-MAJOR-MINOR-REQUIRED'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [i, dev] of entries(doc, 'linux', 'devices')) {
      const type = asString(prop(dev, 'type'));
      if (type === undefined || type === 'p') continue;
      for (const key of ['major', 'minor']) {
        if (prop(dev, key) !== undefined) continue;
        yield {
          pointer: `/linux/devices/${i}`,
          message: `device of type '${type}' has no ${key} number; only fifos (type 'p') may leave major and minor out`,
          params: { type, missing: key },
        };
      }
    }
  },
});
