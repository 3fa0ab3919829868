/** A FreeBSD container (config with a freebsd object) has a devfs mount on /dev. */
import { defineRule } from '../rule.js';
import { asArray, isObject, prop } from '../../json/values.js';
import { compareVersions } from '../../../spec/versions.js';

export default defineRule({
  id: 'platform.freebsd.devfs',
  requirements: ['BSD-DEVFS-AT-DEV'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (compareVersions(ctx.version, '1.3.0') < 0 || !isObject(prop(doc, 'freebsd'))) return;
    const hasDevfs = asArray(prop(doc, 'mounts')).some((m) => isObject(m) && m.destination === '/dev' && m.type === 'devfs');
    if (hasDevfs) return;
    yield {
      pointer: '/mounts',
      message: "no devfs mount on /dev; a FreeBSD container should have one (e.g. {destination: '/dev', type: 'devfs', source: 'devfs'})",
      params: {},
    };
  },
});
