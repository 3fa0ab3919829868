/** state.bundle is an absolute path (POSIX, or a Windows drive/UNC path on Windows hosts). */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

export default defineRule({
  id: 'state.bundle-absolute',
  requirements: ['RT-STATE-BUNDLE-ABSOLUTE'],
  appliesTo: ['state'],
  *check(doc) {
    const b = asString(prop(doc, 'bundle'));
    if (b === undefined || isAbsolutePath(b)) return;
    yield {
      pointer: '/bundle',
      message: `bundle ${JSON.stringify(b)} is not an absolute path; the state gives the bundle directory as an absolute path`,
      params: { value: b },
    };
  },
});
