/**
 * netDevices keys and their target names are Linux interface names: 1 to 15
 * bytes, no '/', no white space, not '.' or '..' (IFNAMSIZ and dev_valid_name
 * in the kernel). A target name may end in the '%d' template.
 */
import { defineRule } from '../rule.js';
import { escapePointerToken } from '../../json/pointer.js';
import { asString, prop } from '../../json/values.js';
import { members } from './util.js';

function problem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (Buffer.byteLength(name) > 15) return 'it is longer than 15 bytes';
  if (name === '.' || name === '..') return "it is '.' or '..'";
  if (/[/:\s\0]/.test(name)) return "it holds '/', ':' or white space";
  return undefined;
}

export default defineRule({
  id: 'linux.net-devices.name',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [host, dev] of members(doc, 'linux', 'netDevices')) {
      const base = `/linux/netDevices/${escapePointerToken(host)}`;
      const hostWhy = problem(host);
      if (hostWhy !== undefined)
        yield { pointer: base, at: 'key', message: `'${host}' is not a network interface name: ${hostWhy}`, params: { name: host, reason: hostWhy } };
      const target = asString(prop(dev, 'name'));
      const targetWhy = target === undefined ? undefined : problem(target);
      if (targetWhy !== undefined)
        yield { pointer: `${base}/name`, message: `'${target}' is not a network interface name: ${targetWhy}`, params: { name: target, reason: targetWhy } };
    }
  },
});
