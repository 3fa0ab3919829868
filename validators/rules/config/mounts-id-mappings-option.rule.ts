/**
 * From 1.2.0 a mount with uid/gidMappings should say 'idmap' or 'ridmap' in its
 * options: it picks recursion for rbind, and a runtime that predates the fields
 * fails on the unknown option instead of silently mounting without a mapping.
 */
import { defineRule } from '../rule.js';
import { asArray, prop } from '../../json/values.js';
import { inForce } from './platform.js';

export default defineRule({
  id: 'config.mounts.id-mappings-option',
  requirements: ['CFG-MOUNT-UIDMAPPINGS-IDMAP-OPTION', 'CFG-MOUNT-GIDMAPPINGS-IDMAP-OPTION'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (!inForce(ctx, '1.2.0')) return;
    const mounts = asArray(prop(doc, 'mounts'));
    for (let i = 0; i < mounts.length; i++) {
      const options = asArray(prop(mounts[i], 'options'));
      if (options.includes('idmap') || options.includes('ridmap')) continue;
      for (const [field, requirement] of [
        ['uidMappings', 'CFG-MOUNT-UIDMAPPINGS-IDMAP-OPTION'],
        ['gidMappings', 'CFG-MOUNT-GIDMAPPINGS-IDMAP-OPTION'],
      ] as const)
        if (prop(mounts[i], field) !== undefined)
          yield {
            pointer: `/mounts/${i}/${field}`,
            at: 'key',
            requirement,
            message: `mount ${i} has ${field} but neither 'idmap' nor 'ridmap' in its options; add one so that older runtimes refuse it instead of ignoring the mapping`,
          };
    }
  },
});
