import { defineCase } from '../case.js';
import { expectFailedAt, expectStoppedOrGone } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/**
 * A createRuntime hook that exits 1: create must fail, the container must be stopped or
 * destroyed, and the user program must never run.
 */
export default defineCase({
  id: 'hooks.failure.create-runtime',
  title: 'a failing createRuntime hook makes create fail and the program never runs',
  requirements: ['RT-HOOK-CREATERUNTIME-FAIL-ERROR'],
  needs: ['root'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('createRuntime', rig.hook('createRuntime', { rc: 1 })), { until: 'start' });
    expectFailedAt(ctx, 'RT-HOOK-CREATERUNTIME-FAIL-ERROR', r, 'create', 'createRuntime');
    await expectStoppedOrGone(ctx, 'RT-HOOK-CREATERUNTIME-FAIL-ERROR', r.container.id, await r.rig.read());
  },
});
