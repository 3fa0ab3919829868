import { defineCase } from '../case.js';
import { indexOf } from './_lib/rig.js';
import { expectFailedAt } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/**
 * A failing createRuntime hook sends the lifecycle to the destroy step, and
 * the poststop hooks come after destroying: they must still run.
 */
export default defineCase({
  id: 'hooks.failure.poststop-after-failed-create',
  title: 'after a createRuntime hook failed create, the poststop hooks still run',
  requirements: ['RT-HOOK-POSTSTOP-INVOKED', 'RT-HOOK-CREATERUNTIME-FAIL-ERROR'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('createRuntime', rig.hook('createRuntime', { rc: 1 })).withHook('poststop', rig.hook('poststop')), { until: 'create' });
    if (!expectFailedAt(ctx, 'RT-HOOK-CREATERUNTIME-FAIL-ERROR', r, 'create', 'createRuntime')) return;
    ctx.expect('RT-HOOK-POSTSTOP-INVOKED', indexOf(r.log, 'poststop') >= 0, { message: 'no poststop hook ran after create failed on the createRuntime hook' });
  },
});
