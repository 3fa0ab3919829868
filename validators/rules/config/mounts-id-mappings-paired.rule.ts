/** From 1.2.0 a mount's uidMappings and gidMappings come together or not at all. */
import { defineRule } from '../rule.js';
import { asArray, prop } from '../../json/values.js';
import { inForce } from './platform.js';

export default defineRule({
  id: 'config.mounts.id-mappings-paired',
  requirements: ['CFG-MOUNT-UIDMAPPINGS-WITH-GID', 'CFG-MOUNT-GIDMAPPINGS-WITH-UID'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (!inForce(ctx, '1.2.0')) return;
    const mounts = asArray(prop(doc, 'mounts'));
    for (let i = 0; i < mounts.length; i++) {
      const uid = prop(mounts[i], 'uidMappings') !== undefined;
      const gid = prop(mounts[i], 'gidMappings') !== undefined;
      if (uid && !gid)
        yield { pointer: `/mounts/${i}/uidMappings`, at: 'key', requirement: 'CFG-MOUNT-UIDMAPPINGS-WITH-GID', message: `mount ${i} has uidMappings but no gidMappings; give both` };
      if (gid && !uid)
        yield { pointer: `/mounts/${i}/gidMappings`, at: 'key', requirement: 'CFG-MOUNT-GIDMAPPINGS-WITH-UID', message: `mount ${i} has gidMappings but no uidMappings; give both` };
    }
  },
});
