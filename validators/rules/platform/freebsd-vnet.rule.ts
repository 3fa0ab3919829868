/** jail.vnet "new" gives the container its own network stack; then ip4 and ip6 stay unset. */
import { defineRule } from '../rule.js';
import type { InheritedFinding } from '../rule.js';
import { at, isObject } from '../../json/values.js';
import { compareVersions } from '../../../spec/versions.js';

export default defineRule({
  id: 'platform.freebsd.vnet-ip',
  requirements: ['BSD-JAIL-VNET-NEW-IP-UNSET'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (compareVersions(ctx.version, '1.3.0') < 0) return;
    const jail = at(doc, 'freebsd', 'jail');
    if (!isObject(jail) || jail.vnet !== 'new') return;
    const out: InheritedFinding[] = [];
    for (const k of ['ip4', 'ip6'])
      if (k in jail && jail[k] !== null)
        out.push({
          pointer: `/freebsd/jail/${k}`,
          message: `jail.${k} is set to ${JSON.stringify(jail[k])} while jail.vnet is "new"; a container with its own vnet leaves ${k} unset`,
          params: { property: k, value: jail[k] },
        });
    yield* out;
  },
});
