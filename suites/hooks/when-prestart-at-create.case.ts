import { defineCase } from '../case.js';
import { ranBetween } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/** Since 1.1.0 prestart hooks run as part of create: before create returns. */
export default defineCase({
  id: 'hooks.when.prestart-at-create',
  title: 'prestart hooks run during create (runtime-spec 1.1.0 and later)',
  requirements: ['CFG-HOOKS-PRESTART-AT-CREATE', 'RT-HOOK-PRESTART-INVOKED'],
  needs: ['root'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('prestart', rig.hook('prestart')), { until: 'start' });
    ranBetween(ctx, 'CFG-HOOKS-PRESTART-AT-CREATE', r.log, 'prestart', undefined, 'created', 'before create returned');
  },
});
