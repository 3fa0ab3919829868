import { defineCase } from '../case.js';
import { expectFailedAt, expectStoppedOrGone } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/**
 * A createContainer hook that exits 1: create must fail, the container must be stopped or
 * destroyed, and the user program must never run.
 */
export default defineCase({
  id: 'hooks.failure.create-container',
  title: 'a failing createContainer hook makes create fail and the program never runs',
  requirements: ['RT-HOOK-CREATECONTAINER-FAIL-ERROR'],
  needs: ['root'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('createContainer', rig.hook('createContainer', { rc: 1 })), { until: 'start' });
    expectFailedAt(ctx, 'RT-HOOK-CREATECONTAINER-FAIL-ERROR', r, 'create', 'createContainer');
    await expectStoppedOrGone(ctx, 'RT-HOOK-CREATECONTAINER-FAIL-ERROR', r.container.id, await r.rig.read());
  },
});
