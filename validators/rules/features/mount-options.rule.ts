/**
 * mountOptions on Linux leaves out filesystem-specific options, those that go
 * to mount(2) as its data string. An option with a value (mode=755, size=64k)
 * is always one of those; a bare name the spec does not list is only a hint.
 */
import { defineRule } from '../rule.js';
import type { InheritedFinding } from '../rule.js';
import { asArray, prop } from '../../json/values.js';
import { VFS_MOUNT_OPTIONS } from './names.js';

export default defineRule({
  id: 'features.mount-options',
  requirements: ['FEAT-MOUNTOPTIONS-NO-FS-DATA'],
  appliesTo: ['features'],
  *check(doc) {
    const out: InheritedFinding[] = [];
    asArray(prop(doc, 'mountOptions')).forEach((o, i) => {
      if (typeof o !== 'string' || VFS_MOUNT_OPTIONS.includes(o)) return;
      const data = o.includes('=');
      out.push({
        ...(data ? {} : { level: 'INFO' as const }),
        pointer: `/mountOptions/${i}`,
        message: data
          ? `mount option ${JSON.stringify(o)} carries a value, so it is a filesystem-specific data option; leave it out of mountOptions`
          : `mount option ${JSON.stringify(o)} is not a mount flag the spec lists; if it is filesystem-specific (passed as mount data), leave it out`,
        params: { value: o },
      });
    });
    yield* out;
  },
});
