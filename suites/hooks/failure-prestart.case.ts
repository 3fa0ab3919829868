import { defineCase } from '../case.js';
import { expectStoppedOrGone } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/**
 * A prestart hook that exits 1: the operation running it (create since 1.1.0,
 * start before) must fail, the container must be stopped or destroyed, and
 * the user program must never run.
 */
export default defineCase({
  id: 'hooks.failure.prestart',
  title: 'a failing prestart hook makes create (or start) fail and the program never runs',
  requirements: ['RT-HOOK-PRESTART-FAIL-ERROR'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('prestart', rig.hook('prestart', { rc: 1 })), { until: 'start' });
    ctx.expect('RT-HOOK-PRESTART-FAIL-ERROR', r.failedAt === 'create' || r.failedAt === 'start', { message: 'create and start both succeeded although the prestart hook exited 1' });
    await expectStoppedOrGone(ctx, 'RT-HOOK-PRESTART-FAIL-ERROR', r.container.id, await r.rig.read());
  },
});
