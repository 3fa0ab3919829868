/**
 * cgroupsPath is a path, absolute or relative (LNX-CGROUPSPATH-FORM): an empty
 * string or one with a NUL byte is neither. A '..' component is a path but
 * climbs out of the place the runtime roots it at: the same requirement,
 * lowered to SHOULD, since the text does not forbid it.
 */
import { defineRule } from '../rule.js';
import { asString, at } from '../../json/values.js';

export default defineRule({
  id: 'linux.cgroups-path.form',
  requirements: ['LNX-CGROUPSPATH-FORM'],
  appliesTo: ['config'],
  *check(doc) {
    const p = asString(at(doc, 'linux', 'cgroupsPath'));
    if (p === undefined) return;
    if (p === '' || p.includes('\0')) {
      yield {
        pointer: '/linux/cgroupsPath',
        message: p === '' ? 'cgroupsPath is empty; give a path or leave the field out' : 'cgroupsPath contains a NUL byte, which no path can hold',
        params: { path: p },
      };
      return;
    }
    if (p.split(/[/:]/).includes('..'))
      yield {
        level: 'SHOULD',
        pointer: '/linux/cgroupsPath',
        message: `cgroupsPath '${p}' has a '..' component, which climbs out of the hierarchy the runtime roots it at`,
        params: { path: p },
      };
  },
});
