import { join } from 'node:path';
import { defineCase } from '../case.js';
import { expectStoppedOrGone } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/** A prestart hook whose path does not exist can't run: that is a failed hook like any other. */
export default defineCase({
  id: 'hooks.failure.missing-binary',
  title: 'a prestart hook whose path does not exist makes create (or start) fail',
  requirements: ['RT-HOOK-PRESTART-FAIL-ERROR'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('prestart', { path: join(rig.dir, 'no-such-hook'), args: ['no-such-hook'] }), { until: 'start' });
    ctx.expect('RT-HOOK-PRESTART-FAIL-ERROR', r.failedAt === 'create' || r.failedAt === 'start', { message: 'create and start both succeeded although the prestart hook does not exist' });
    await expectStoppedOrGone(ctx, 'RT-HOOK-PRESTART-FAIL-ERROR', r.container.id, await r.rig.read());
  },
});
