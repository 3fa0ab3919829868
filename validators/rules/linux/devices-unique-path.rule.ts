/**
 * Two device entries at one path: the second meets a file that is not the
 * device it asks for, and the runtime must fail (LNX-DEVICES-PATH-CONFLICT).
 */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';
import { entries } from './util.js';

/** '/dev//fuse/' and '/dev/fuse' are one place. */
function normal(p: string): string {
  return p.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}

export default defineRule({
  id: 'linux.devices.unique-path',
  requirements: ['LNX-DEVICES-PATH-CONFLICT'],
  appliesTo: ['config'],
  *check(doc) {
    const first = new Map<string, number>();
    for (const [i, dev] of entries(doc, 'linux', 'devices')) {
      const path = asString(prop(dev, 'path'));
      if (path === undefined) continue;
      const key = normal(path);
      const seen = first.get(key);
      if (seen === undefined) {
        first.set(key, i);
        continue;
      }
      yield {
        pointer: `/linux/devices/${i}/path`,
        message: `device path '${path}' is already used by /linux/devices/${seen}; one path can hold one device`,
        params: { path, first: seen, again: i },
      };
    }
  },
});
