/**
 * Two network devices moved under one name: the second finds the name taken
 * in the container namespace, and the runtime must fail unless the name is a
 * '%d' template (LNX-NETDEV-NAME-CONFLICT).
 */
import { defineRule } from '../rule.js';
import { escapePointerToken } from '../../json/pointer.js';
import { asString, prop } from '../../json/values.js';
import { inForce, members } from './util.js';

export default defineRule({
  id: 'linux.net-devices.unique-name',
  requirements: ['LNX-NETDEV-NAME-CONFLICT'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (!inForce('LNX-NETDEV-NAME-CONFLICT', ctx.version)) return;
    const first = new Map<string, string>();
    for (const [host, dev] of members(doc, 'linux', 'netDevices')) {
      const named = asString(prop(dev, 'name'));
      const target = named === undefined || named === '' ? host : named;
      if (target.endsWith('%d')) continue;
      const seen = first.get(target);
      if (seen === undefined) {
        first.set(target, host);
        continue;
      }
      yield {
        pointer: `/linux/netDevices/${escapePointerToken(host)}${named === undefined ? '' : '/name'}`,
        message: `network device '${host}' would be named '${target}' in the container, the name '${seen}' already gets; use another name or a '%d' template`,
        params: { device: host, name: target, other: seen },
      };
    }
  },
});
