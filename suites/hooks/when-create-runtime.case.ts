import { defineCase } from '../case.js';
import { ranBetween } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/** createRuntime hooks run as part of create, before it returns. */
export default defineCase({
  id: 'hooks.when.create-runtime',
  title: 'createRuntime hooks run during create',
  requirements: ['CFG-HOOKS-CREATERUNTIME-WHEN', 'RT-HOOK-CREATERUNTIME-INVOKED'],
  needs: ['root'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('createRuntime', rig.hook('createRuntime')), { until: 'start' });
    ranBetween(ctx, 'CFG-HOOKS-CREATERUNTIME-WHEN', r.log, 'createRuntime', undefined, 'created', 'before create returned');
  },
});
