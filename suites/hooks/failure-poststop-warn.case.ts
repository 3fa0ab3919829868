import { defineCase } from '../case.js';
import { hookOrder } from './_lib/rig.js';
import { runScenario } from './_lib/scenario.js';

/**
 * A failing poststop hook is only a warning: delete succeeds, the next
 * poststop hook still runs, and the container is gone.
 */
export default defineCase({
  id: 'hooks.failure.poststop-warn',
  title: 'a failing poststop hook is a warning: delete succeeds and later hooks run',
  requirements: ['RT-HOOK-POSTSTOP-FAIL-WARN', 'RT-WARNING-CONTINUE'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('poststop', rig.hook('poststop-1', { rc: 1 })).withHook('poststop', rig.hook('poststop-2')));
    ctx.expect('RT-HOOK-POSTSTOP-FAIL-WARN', r.failedAt === undefined, { message: `${r.failedAt} failed: ${r.createError ?? r.calls[r.failedAt ?? 'delete']?.stderr.trim()}` });
    ctx.expectEqual('RT-HOOK-POSTSTOP-FAIL-WARN', 'poststop hooks that ran', ['poststop-1', 'poststop-2'], hookOrder(r.log).filter((l) => l.startsWith('poststop')));
    ctx.expectError('RT-WARNING-CONTINUE', await ctx.runtime.state(r.container.id), 'state of the container after delete');
  },
});
