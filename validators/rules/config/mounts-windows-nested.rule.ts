/** On Windows no mount destination may lie inside another (c:\foo and c:\foo\bar). */
import { defineRule } from '../rule.js';
import { asArray, asString, prop } from '../../json/values.js';
import { isWindows } from './platform.js';

/** Windows paths compare case-insensitively, with either slash, without a trailing one. */
function norm(p: string): string {
  return p.replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase();
}

export default defineRule({
  id: 'config.mounts.windows-nested',
  requirements: ['CFG-MOUNT-DESTINATION-WINDOWS-NOT-NESTED'],
  appliesTo: ['config'],
  *check(doc) {
    if (!isWindows(doc)) return;
    const dests = asArray(prop(doc, 'mounts')).map((m) => asString(prop(m, 'destination')));
    for (let i = 0; i < dests.length; i++) {
      const inner = dests[i];
      if (inner === undefined) continue;
      for (let j = 0; j < dests.length; j++) {
        const outer = dests[j];
        if (i === j || outer === undefined) continue;
        const a = norm(inner);
        const b = norm(outer);
        if (a.startsWith(`${b}\\`))
          yield {
            pointer: `/mounts/${i}/destination`,
            message: `mount destination ${JSON.stringify(inner)} lies inside the destination of mount ${j} (${JSON.stringify(outer)}); Windows does not allow nested mounts`,
            params: { value: inner, outer: j },
          };
      }
    }
  },
});
