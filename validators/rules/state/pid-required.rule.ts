/**
 * On Linux, a created or running container has a process, and the state says
 * which (pid). A state document does not say its platform; we take Linux, the
 * platform these tools run on, unless the bundle is a Windows path (drive
 * letter or UNC), where pid is optional.
 */
import { defineRule } from '../rule.js';
import { asString, isObject, prop } from '../../json/values.js';

export default defineRule({
  id: 'state.pid-required',
  requirements: ['RT-STATE-PID-REQUIRED-LINUX'],
  appliesTo: ['state'],
  *check(doc) {
    if (!isObject(doc)) return;
    const status = asString(doc.status);
    if (status !== 'created' && status !== 'running') return;
    const bundle = asString(doc.bundle);
    if (bundle !== undefined && (/^[A-Za-z]:[\\/]/.test(bundle) || bundle.startsWith('\\\\'))) return;
    const pid = prop(doc, 'pid');
    if (pid === undefined) {
      yield {
        pointer: '/pid',
        message: `pid is missing; on Linux a ${status} container's state gives the ID of its process`,
        params: { status },
      };
    } else if (pid === 0) {
      yield {
        pointer: '/pid',
        message: `pid 0 names no process; a ${status} container's state gives the positive ID of its process`,
        params: { status, value: pid },
      };
    }
  },
});
