import { defineCase } from '../case.js';
import { hookOrder } from './_lib/rig.js';
import { ranBetween } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/** poststop hooks run once, after the container is deleted and before delete returns: not at kill or stop. */
export default defineCase({
  id: 'hooks.when.poststop',
  title: 'poststop hooks run during delete, once, and not before',
  requirements: ['CFG-HOOKS-POSTSTOP-WHEN', 'RT-HOOK-POSTSTOP-INVOKED'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('poststop', rig.hook('poststop')));
    if (!ctx.expect('RT-HOOK-POSTSTOP-INVOKED', r.failedAt === undefined, { message: `the lifecycle failed at ${r.failedAt}: ${r.createError ?? r.calls[r.failedAt ?? 'create']?.stderr ?? ''}` })) return;
    ranBetween(ctx, 'CFG-HOOKS-POSTSTOP-WHEN', r.log, 'poststop', 'stopped', 'deleted', 'after the container stopped and before delete returned');
    ctx.expectEqual('RT-HOOK-POSTSTOP-INVOKED', 'poststop hook runs', 1, hookOrder(r.log).filter((l) => l === 'poststop').length);
  },
});
