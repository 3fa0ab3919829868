/** A weightDevice entry gives weight, leafWeight or both (LNX-BLKIO-WEIGHTDEVICE-WEIGHT-OR-LEAF). */
import { defineRule } from '../rule.js';
import { isObject, prop } from '../../json/values.js';
import { entries } from './util.js';

export default defineRule({
  id: 'linux.blkio.weight-device-weight',
  requirements: ['LNX-BLKIO-WEIGHTDEVICE-WEIGHT-OR-LEAF'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [i, dev] of entries(doc, 'linux', 'resources', 'blockIO', 'weightDevice')) {
      if (!isObject(dev) || prop(dev, 'weight') !== undefined || prop(dev, 'leafWeight') !== undefined) continue;
      yield {
        pointer: `/linux/resources/blockIO/weightDevice/${i}`,
        message: 'weightDevice entry gives neither weight nor leafWeight; give at least one',
        params: {},
      };
    }
  },
});
