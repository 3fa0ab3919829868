import { createOrRefusal, defineCase, rawState } from '../../case.js';

/** defaultErrnoRet with a defaultAction that returns no errno (SCMP_ACT_ALLOW) must make the runtime fail. */
export default defineCase({
  id: 'linux.seccomp.default-errno-ret-unsupported',
  title: 'defaultErrnoRet with defaultAction SCMP_ACT_ALLOW makes create fail',
  requirements: ['LNX-SECCOMP-DEFAULT-ERRNO-UNSUPPORTED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['seccomp'],
  config: (c) => c.withSeccomp({ defaultAction: 'SCMP_ACT_ALLOW', defaultErrnoRet: 28, syscalls: [{ names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_ERRNO' }] }),
  run: async (ctx) => {
    const refused = await createOrRefusal(ctx);
    ctx.expect('LNX-SECCOMP-DEFAULT-ERRNO-UNSUPPORTED', refused !== undefined, { message: 'create accepted defaultErrnoRet with defaultAction SCMP_ACT_ALLOW' });
    if (refused !== undefined) ctx.expectError('RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER', (await rawState(ctx.runtime, ctx.id)).call, 'state after the refused create');
  },
});
