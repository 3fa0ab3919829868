/**
 * From 1.2.0: a mount with 'idmap' or 'ridmap' and no mappings of its own
 * borrows the user namespace's mapping; with no user namespace either, the
 * runtime must fail, so the config can't work.
 */
import { defineRule } from '../rule.js';
import { asArray, asString, at, prop } from '../../json/values.js';
import { inForce, isLinux } from './platform.js';

export default defineRule({
  id: 'config.mounts.idmap-without-mapping',
  requirements: ['CFG-MOUNT-OPTION-IDMAP-NO-USERNS-ERROR', 'CFG-MOUNT-OPTION-RIDMAP-NO-USERNS-ERROR'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (!inForce(ctx, '1.2.0') || !isLinux(doc)) return;
    const userns = asArray(at(doc, 'linux', 'namespaces')).some((n) => asString(prop(n, 'type')) === 'user');
    if (userns) return;
    const mounts = asArray(prop(doc, 'mounts'));
    for (let i = 0; i < mounts.length; i++) {
      const m = mounts[i];
      if (prop(m, 'uidMappings') !== undefined || prop(m, 'gidMappings') !== undefined) continue;
      const options = asArray(prop(m, 'options'));
      for (const opt of ['idmap', 'ridmap'] as const) {
        const k = options.indexOf(opt);
        if (k < 0) continue;
        yield {
          pointer: `/mounts/${i}/options/${k}`,
          requirement: opt === 'idmap' ? 'CFG-MOUNT-OPTION-IDMAP-NO-USERNS-ERROR' : 'CFG-MOUNT-OPTION-RIDMAP-NO-USERNS-ERROR',
          message: `mount ${i} asks for '${opt}' but has no uidMappings/gidMappings and the container has no user namespace to take a mapping from; the runtime must refuse it`,
        };
      }
    }
  },
});
