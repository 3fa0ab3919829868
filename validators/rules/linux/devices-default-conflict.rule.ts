/**
 * The runtime must supply /dev/null, zero, full, random, urandom, tty and
 * ptmx (LNX-DEFAULT-DEVICES). A devices entry at one of those paths that asks
 * for another device cannot be honoured together with that MUST.
 */
import { defineRule } from '../rule.js';
import { asNumber, asString, prop } from '../../json/values.js';
import { entries } from './util.js';

/** Character device numbers of the default devices (Linux devices.txt). */
const DEFAULTS: Readonly<Record<string, readonly [number, number]>> = {
  '/dev/null': [1, 3],
  '/dev/zero': [1, 5],
  '/dev/full': [1, 7],
  '/dev/random': [1, 8],
  '/dev/urandom': [1, 9],
  '/dev/tty': [5, 0],
  '/dev/ptmx': [5, 2],
};

export default defineRule({
  id: 'linux.devices.default-conflict',
  requirements: ['LNX-DEFAULT-DEVICES'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [i, dev] of entries(doc, 'linux', 'devices')) {
      const path = asString(prop(dev, 'path'));
      const want = path === undefined ? undefined : DEFAULTS[path.replace(/\/+/g, '/')];
      if (!want) continue;
      const type = asString(prop(dev, 'type'));
      const major = asNumber(prop(dev, 'major'));
      const minor = asNumber(prop(dev, 'minor'));
      if (type === undefined) continue;
      if (type === 'c' && (major === undefined || minor === undefined || (major === want[0] && minor === want[1]))) continue;
      yield {
        pointer: `/linux/devices/${i}`,
        message: `${path} is a default device the runtime must supply as character device ${want[0]}:${want[1]}, but this entry asks for ${type} ${major ?? '?'}:${minor ?? '?'}`,
        params: { path, expected: `c ${want[0]}:${want[1]}`, type, major, minor },
      };
    }
  },
});
