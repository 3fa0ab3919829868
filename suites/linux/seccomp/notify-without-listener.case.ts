import { createOrRefusal, defineCase, rawState } from '../../case.js';
import { allowExcept, MKDIR_NAMES } from './_lib/profiles.js';

/** SCMP_ACT_NOTIFY with no listenerPath leaves nowhere to send the notify fd: the runtime must fail. */
export default defineCase({
  id: 'linux.seccomp.notify-without-listener',
  title: 'an SCMP_ACT_NOTIFY rule without listenerPath makes create fail',
  requirements: ['LNX-SECCOMP-LISTENER-SEND-ERROR', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['seccomp'],
  config: (c) => c.withSeccomp(allowExcept(MKDIR_NAMES, 'SCMP_ACT_NOTIFY')),
  run: async (ctx) => {
    const refused = await createOrRefusal(ctx);
    ctx.expect('LNX-SECCOMP-LISTENER-SEND-ERROR', refused !== undefined, { message: 'create accepted an SCMP_ACT_NOTIFY rule without listenerPath' });
    if (refused !== undefined) ctx.expectError('RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER', (await rawState(ctx.runtime, ctx.id)).call, 'state after the refused create');
  },
});
