import { defineCase } from '../case.js';
import { indexOf } from './_lib/rig.js';
import { runScenario } from './_lib/scenario.js';

/** A hook's `env` is its environment: both entries, one with spaces, reach the hook unchanged. */
export default defineCase({
  id: 'hooks.env.passed',
  title: "a hook's env entries are in its environment",
  requirements: ['CFG-HOOK-ENV-PASSED', 'RT-HOOK-PRESTART-INVOKED'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('prestart', rig.hook('prestart', { env: ['OCI_HOOK_A=1', 'OCI_HOOK_B=two words'] })), { until: 'create' });
    const e = r.log[indexOf(r.log, 'prestart')];
    if (!ctx.expect('RT-HOOK-PRESTART-INVOKED', e?.type === 'hook', { message: `the prestart hook did not run during create (${r.createError ?? 'create succeeded'})` })) return;
    ctx.expectEqual('CFG-HOOK-ENV-PASSED', "the hook's OCI_HOOK_* environment", 'OCI_HOOK_A=1 OCI_HOOK_B=two words', e?.type === 'hook' ? e.env : undefined);
  },
});
