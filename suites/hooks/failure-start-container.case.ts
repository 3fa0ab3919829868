import { defineCase } from '../case.js';
import { expectFailedAt, expectStoppedOrGone } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/**
 * A startContainer hook that exits 1: start must fail, the container must be stopped or
 * destroyed, and the user program must never run.
 */
export default defineCase({
  id: 'hooks.failure.start-container',
  title: 'a failing startContainer hook makes start fail and the program never runs',
  requirements: ['RT-HOOK-STARTCONTAINER-FAIL-ERROR'],
  needs: ['root'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('startContainer', rig.hook('startContainer', { rc: 1, inContainer: true })), { until: 'start' });
    expectFailedAt(ctx, 'RT-HOOK-STARTCONTAINER-FAIL-ERROR', r, 'start', 'startContainer');
    await expectStoppedOrGone(ctx, 'RT-HOOK-STARTCONTAINER-FAIL-ERROR', r.container.id, await r.rig.read());
  },
});
