import { defineCase, rawState } from '../case.js';
import { hookOrder, indexOf } from './_lib/rig.js';
import { runScenario } from './_lib/scenario.js';

/**
 * Up to 1.2.1 a failing poststart hook is only a warning: create and start
 * succeed, the next poststart hook still runs, and the container runs its program.
 */
export default defineCase({
  id: 'hooks.failure.poststart-warn',
  title: 'a failing poststart hook is a warning: start succeeds, later hooks run (up to runtime-spec 1.2.1)',
  requirements: ['RT-HOOK-POSTSTART-FAIL-WARN', 'RT-WARNING-CONTINUE'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('poststart', rig.hook('poststart-1', { rc: 1 })).withHook('poststart', rig.hook('poststart-2')), { until: 'start' });
    ctx.expect('RT-HOOK-POSTSTART-FAIL-WARN', r.failedAt === undefined, {
      message: `${r.failedAt} failed because of the failing poststart hook: ${r.createError ?? r.calls[r.failedAt ?? 'start']?.stderr.trim()}`,
    });
    ctx.expectEqual('RT-HOOK-POSTSTART-FAIL-WARN', 'poststart hooks that ran', ['poststart-1', 'poststart-2'], hookOrder(r.log).filter((l) => l.startsWith('poststart')));
    ctx.expect('RT-WARNING-CONTINUE', indexOf(r.log, 'program', 'mark') >= 0, { message: 'the user program did not run' });
    const { state } = await rawState(ctx.runtime, r.container.id);
    ctx.expectEqual('RT-WARNING-CONTINUE', 'state.status after start', 'running', state?.status);
  },
});
