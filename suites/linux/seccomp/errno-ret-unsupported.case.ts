import { createOrRefusal, defineCase, rawState } from '../../case.js';
import { allowExcept, MKDIR_NAMES } from './_lib/profiles.js';

/** errnoRet on an action that returns no errno (SCMP_ACT_KILL) must make the runtime fail. */
export default defineCase({
  id: 'linux.seccomp.errno-ret-unsupported',
  title: 'errnoRet on an SCMP_ACT_KILL rule makes create fail',
  requirements: ['LNX-SECCOMP-ERRNO-UNSUPPORTED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['seccomp'],
  config: (c) => c.withSeccomp(allowExcept(MKDIR_NAMES, 'SCMP_ACT_KILL', { errnoRet: 28 })),
  run: async (ctx) => {
    const refused = await createOrRefusal(ctx);
    ctx.expect('LNX-SECCOMP-ERRNO-UNSUPPORTED', refused !== undefined, { message: 'create accepted errnoRet on an SCMP_ACT_KILL rule' });
    if (refused !== undefined) ctx.expectError('RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER', (await rawState(ctx.runtime, ctx.id)).call, 'state after the refused create');
  },
});
