import { createOrRefusal, defineCase, rawState } from '../../../case.js';

/**
 * On a v1 or hybrid host whose unified hierarchy lacks the pids controller,
 * unified {"pids.max": "42"} refers to a controller that is not present there
 * (and can't be enabled): create must fail.
 */
export default defineCase({
  id: 'linux.cgroups.unified.controller-not-on-unified',
  title: 'on a v1/hybrid host, a unified key for a controller the unified hierarchy lacks makes create fail',
  requirements: ['LNX-UNIFIED-MISSING-CONTROLLER-ERROR', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-v1'],
  config: (c) => c.withResources({ unified: { 'pids.max': '42' } }),
  run: async (ctx) => {
    if (ctx.host.cgroups.unifiedControllers.includes('pids')) ctx.skip(`the unified hierarchy of this host offers pids (${ctx.host.cgroups.unified})`);
    const refused = await createOrRefusal(ctx);
    ctx.expect('LNX-UNIFIED-MISSING-CONTROLLER-ERROR', refused !== undefined, { message: 'create accepted unified pids.max although the unified hierarchy has no pids controller' });
    if (refused !== undefined) ctx.expectError('RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER', (await rawState(ctx.runtime, ctx.id)).call, 'state after the refused create');
  },
});
