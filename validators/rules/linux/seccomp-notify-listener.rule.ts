/**
 * SCMP_ACT_NOTIFY hands syscalls to an agent reached at listenerPath; with no
 * listenerPath the runtime cannot send the notify descriptor and must fail
 * (LNX-SECCOMP-LISTENER-SEND-ERROR).
 */
import { defineRule } from '../rule.js';
import { asString, at, prop } from '../../json/values.js';
import { entries, inForce } from './util.js';

export default defineRule({
  id: 'linux.seccomp.notify-listener',
  requirements: ['LNX-SECCOMP-LISTENER-SEND-ERROR'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (!inForce('LNX-SECCOMP-LISTENER-SEND-ERROR', ctx.version)) return;
    const seccomp = at(doc, 'linux', 'seccomp');
    const path = asString(prop(seccomp, 'listenerPath'));
    if (path !== undefined && path !== '') return;
    const uses: string[] = [];
    if (asString(prop(seccomp, 'defaultAction')) === 'SCMP_ACT_NOTIFY') uses.push('/linux/seccomp/defaultAction');
    for (const [i, sc] of entries(doc, 'linux', 'seccomp', 'syscalls'))
      if (asString(prop(sc, 'action')) === 'SCMP_ACT_NOTIFY') uses.push(`/linux/seccomp/syscalls/${i}/action`);
    for (const pointer of uses)
      yield {
        pointer,
        message: 'SCMP_ACT_NOTIFY is used but seccomp.listenerPath is not set: there is no agent to send the notify descriptor to',
        params: {},
      };
  },
});
