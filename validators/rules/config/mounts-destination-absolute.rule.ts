/**
 * Mount destinations are absolute. Up to 1.1.0 a MUST everywhere; from 1.2.0
 * Linux tolerates relative ones (deprecated, taken as relative to /) with a
 * SHOULD, while every other platform keeps the MUST.
 */
import { defineRule } from '../rule.js';
import { asArray, asString, prop } from '../../json/values.js';
import { inForce, isLinux, isPosixAbsolute, isWindows, isWindowsAbsolute } from './platform.js';

export default defineRule({
  id: 'config.mounts.destination-absolute',
  requirements: ['CFG-MOUNT-DESTINATION-ABSOLUTE', 'CFG-MOUNT-DESTINATION-ABSOLUTE-LINUX'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    const windows = isWindows(doc);
    const linuxSoft = !windows && isLinux(doc) && inForce(ctx, '1.2.0');
    const mounts = asArray(prop(doc, 'mounts'));
    for (let i = 0; i < mounts.length; i++) {
      const dest = asString(prop(mounts[i], 'destination'));
      if (dest === undefined) continue;
      if (windows ? isWindowsAbsolute(dest) : isPosixAbsolute(dest)) continue;
      yield linuxSoft
        ? {
            pointer: `/mounts/${i}/destination`,
            requirement: 'CFG-MOUNT-DESTINATION-ABSOLUTE-LINUX',
            message: `mount destination ${JSON.stringify(dest)} is relative; runtimes take it as relative to / but relative destinations are deprecated: write "/${dest}"`,
            params: { value: dest },
          }
        : {
            pointer: `/mounts/${i}/destination`,
            requirement: 'CFG-MOUNT-DESTINATION-ABSOLUTE',
            message: `mount destination ${JSON.stringify(dest)} is not an absolute path${windows ? ' (e.g. C:\\dir)' : ''}`,
            params: { value: dest },
          };
    }
  },
});
