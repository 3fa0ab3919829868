/**
 * Mount destinations are absolute. Up to 1.1.0 a MUST everywhere; from 1.2.0
 * Linux tolerates relative ones (deprecated, taken as relative to /) with a
 * SHOULD, while every other platform keeps the MUST.
 */
import { defineRule } from '../rule.js';
import type { JsonValue } from '../../json/parse.js';
import { asArray, asString, prop } from '../../json/values.js';
import { inForce, isLinux, isPosixAbsolute, isSolaris, isWindows, isWindowsAbsolute } from './platform.js';

/** The requirement a relative destination breaks, by version and platform; its level decides error or warning. */
const REQUIREMENTS = [
  'CFG-MOUNT-DESTINATION-ABSOLUTE',
  'CFG-MOUNT-DESTINATION-ABSOLUTE-LINUX',
  'CFG-MOUNT-DESTINATION-ABSOLUTE-WINDOWS',
  'CFG-MOUNT-DESTINATION-ABSOLUTE-SOLARIS',
  'CFG-MOUNT-DESTINATION-ABSOLUTE-OTHER',
] as const;

function requirementFor(doc: JsonValue, from120: boolean): (typeof REQUIREMENTS)[number] {
  if (!from120) return 'CFG-MOUNT-DESTINATION-ABSOLUTE';
  if (isWindows(doc)) return 'CFG-MOUNT-DESTINATION-ABSOLUTE-WINDOWS';
  if (isLinux(doc)) return 'CFG-MOUNT-DESTINATION-ABSOLUTE-LINUX';
  if (isSolaris(doc)) return 'CFG-MOUNT-DESTINATION-ABSOLUTE-SOLARIS';
  return 'CFG-MOUNT-DESTINATION-ABSOLUTE-OTHER';
}

export default defineRule({
  id: 'config.mounts.destination-absolute',
  requirements: REQUIREMENTS,
  appliesTo: ['config'],
  *check(doc, ctx) {
    const windows = isWindows(doc);
    const requirement = requirementFor(doc, inForce(ctx, '1.2.0'));
    const linuxSoft = requirement === 'CFG-MOUNT-DESTINATION-ABSOLUTE-LINUX';
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
            requirement,
            message: `mount destination ${JSON.stringify(dest)} is not an absolute path${windows ? ' (e.g. C:\\dir)' : ''}`,
            params: { value: dest },
          };
    }
  },
});
