import { createOrRefusal, defineCase, rawState } from '../../case.js';
import { allowExcept, MKDIR_NAMES, MKDIR_PROBE, parseProbe } from './_lib/profiles.js';

/**
 * flags [SECCOMP_FILTER_FLAG_LOG]: the runtime either installs the filter
 * with the flag (the ERRNO rule then works as usual) or, if it can't apply
 * flags, refuses create and leaves no container. Silently running without the
 * filter is the failure this catches.
 */
export default defineCase({
  id: 'linux.seccomp.flags-log',
  title: 'seccomp flags are applied with the filter, or create fails',
  requirements: ['LNX-SECCOMP-FLAGS-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['seccomp'],
  config: (c) => c.withSeccomp(allowExcept(MKDIR_NAMES, 'SCMP_ACT_ERRNO', {}, { flags: ['SECCOMP_FILTER_FLAG_LOG'] })).withScript(MKDIR_PROBE),
  run: async (ctx) => {
    const refused = await createOrRefusal(ctx);
    if (refused !== undefined) {
      ctx.note(`the runtime refused the flags: ${refused}`);
      ctx.expectError('RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER', (await rawState(ctx.runtime, ctx.id)).call, 'state after the refused create');
      return;
    }
    await ctx.start();
    await ctx.waitStopped();
    const p = parseProbe(await ctx.readStdout());
    ctx.expect('LNX-SECCOMP-FLAGS-APPLIED', p.rc === 1 && !p.made, { message: `with flags set, the ERRNO rule did not block mkdir: rc=${p.rc} ${p.msg}` });
  },
});
