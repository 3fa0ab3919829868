/** A device path is the full path of the device inside the container (LNX-DEVICES-PATH-REQUIRED). */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';
import { entries, isAbsolutePath } from './util.js';

export default defineRule({
  id: 'linux.devices.path-absolute',
  requirements: ['LNX-DEVICES-PATH-REQUIRED'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [i, dev] of entries(doc, 'linux', 'devices')) {
      const path = asString(prop(dev, 'path'));
      if (path === undefined || isAbsolutePath(path)) continue;
      yield {
        pointer: `/linux/devices/${i}/path`,
        message: `device path '${path}' is not a full path; give the absolute path inside the container, e.g. /dev/fuse`,
        params: { path },
      };
    }
  },
});
