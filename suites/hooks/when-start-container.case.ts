import { defineCase } from '../case.js';
import { ranBetween } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/** startContainer hooks run after start is called and before the user program runs. */
export default defineCase({
  id: 'hooks.when.start-container',
  title: 'startContainer hooks run during start, before the user program',
  requirements: ['CFG-HOOKS-STARTCONTAINER-WHEN', 'RT-HOOK-STARTCONTAINER-INVOKED'],
  needs: ['root'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('startContainer', rig.hook('startContainer', { inContainer: true })), { until: 'start' });
    ranBetween(ctx, 'CFG-HOOKS-STARTCONTAINER-WHEN', r.log, 'startContainer', 'created', 'program', 'after create returned and before the user program');
  },
});
