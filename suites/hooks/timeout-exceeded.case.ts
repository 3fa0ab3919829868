import { defineCase } from '../case.js';
import { indexOf } from './_lib/rig.js';
import { expectStoppedOrGone } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/**
 * A prestart hook with timeout 1 that sleeps 8 s must be aborted: the
 * operation running it fails, the hook never gets to log that it finished,
 * and the program never runs.
 */
export default defineCase({
  id: 'hooks.timeout.exceeded',
  title: 'a hook running past its timeout is aborted and counts as a failed hook',
  requirements: ['RT-HOOK-PRESTART-FAIL-ERROR', 'CFG-HOOK-TIMEOUT-ENFORCED'],
  timeoutMs: 60_000,
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('prestart', rig.hook('prestart', { nap: 8, timeout: 1 })), { until: 'start' });
    if (r.createTimedOut) {
      // oci-conform, not the runtime, ended create: the runtime was still waiting for the hook long after its 1 s.
      ctx.expect('CFG-HOOK-TIMEOUT-ENFORCED', false, { message: `create had not returned when oci-conform killed it at its call timeout: the runtime did not abort the prestart hook after its 1 s timeout (${r.createError ?? ''})` });
      return;
    }
    ctx.expect('RT-HOOK-PRESTART-FAIL-ERROR', r.failedAt === 'create' || r.failedAt === 'start', { message: 'create and start both succeeded although the prestart hook ran past its 1 s timeout' });
    ctx.expect('CFG-HOOK-TIMEOUT-ENFORCED', indexOf(r.log, 'prestart', 'done') < 0, { message: 'the hook ran to its end (8 s) instead of being aborted after its 1 s timeout' });
    await expectStoppedOrGone(ctx, 'RT-HOOK-PRESTART-FAIL-ERROR', r.container.id, await r.rig.read());
  },
});
