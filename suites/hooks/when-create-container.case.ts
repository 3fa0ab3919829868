import { defineCase } from '../case.js';
import { ranBetween } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/** createContainer hooks run as part of create, before it returns. */
export default defineCase({
  id: 'hooks.when.create-container',
  title: 'createContainer hooks run during create',
  requirements: ['CFG-HOOKS-CREATECONTAINER-WHEN', 'RT-HOOK-CREATECONTAINER-INVOKED'],
  needs: ['root'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('createContainer', rig.hook('createContainer')), { until: 'start' });
    ranBetween(ctx, 'CFG-HOOKS-CREATECONTAINER-WHEN', r.log, 'createContainer', undefined, 'created', 'before create returned');
  },
});
