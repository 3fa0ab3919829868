/** listenerMetadata must not be set without listenerPath (LNX-SECCOMP-METADATA-NEEDS-LISTENER). */
import { defineRule } from '../rule.js';
import { at, prop } from '../../json/values.js';
import { inForce } from './util.js';

export default defineRule({
  id: 'linux.seccomp.listener-metadata',
  requirements: ['LNX-SECCOMP-METADATA-NEEDS-LISTENER'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (!inForce('LNX-SECCOMP-METADATA-NEEDS-LISTENER', ctx.version)) return;
    const seccomp = at(doc, 'linux', 'seccomp');
    if (prop(seccomp, 'listenerMetadata') === undefined || prop(seccomp, 'listenerPath') !== undefined) return;
    yield {
      pointer: '/linux/seccomp/listenerMetadata',
      at: 'key',
      message: 'listenerMetadata is set without listenerPath; metadata goes to the seccomp agent at listenerPath, so set both or neither',
      params: {},
    };
  },
});
