import { defineCase } from '../case.js';
import { rawState } from '../lifecycle/ops/_lib/ops.js';
import { expectFailedAt, runScenario } from './_lib/scenario.js';

/**
 * Since 1.3.0 a failing poststart hook is an error: start must fail, and the
 * container is stopped (and destroyed, or left stopped for delete).
 */
export default defineCase({
  id: 'hooks.failure.poststart-error',
  title: 'a failing poststart hook makes start fail and stops the container (runtime-spec 1.3.0 and later)',
  requirements: ['RT-HOOK-POSTSTART-FAIL-ERROR'],
  needs: ['root'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('poststart', rig.hook('poststart', { rc: 1 })), { until: 'start' });
    expectFailedAt(ctx, 'RT-HOOK-POSTSTART-FAIL-ERROR', r, 'start', 'a poststart hook exited 1');
    const { call, state } = await rawState(ctx.runtime, r.container.id);
    ctx.expect('RT-HOOK-POSTSTART-FAIL-ERROR', call.exitCode !== 0 || state?.status === 'stopped', {
      message: `after the failed poststart hook the container is ${state?.status}`,
      expected: 'stopped, or no such container',
      actual: state?.status,
    });
  },
});
