import { defineCase } from '../case.js';
import { ranBetween } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/**
 * Up to 1.0.2 prestart hooks run after start is called and before the user
 * program: after create returned, before the program's first line.
 */
export default defineCase({
  id: 'hooks.when.prestart-at-start',
  title: 'prestart hooks run after start is called, before the program (runtime-spec up to 1.0.2)',
  requirements: ['CFG-HOOKS-PRESTART-AT-START', 'RT-HOOK-PRESTART-INVOKED'],
  needs: ['root'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('prestart', rig.hook('prestart')), { until: 'start' });
    ranBetween(ctx, 'CFG-HOOKS-PRESTART-AT-START', r.log, 'prestart', 'created', 'program', 'after create returned and before the user program');
  },
});
