import { defineCase, requireHostView } from '../case.js';
import { indexOf } from './_lib/rig.js';
import { isUserProgram, ranBetween } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/**
 * poststart hooks run after the user program was executed and before start
 * returns: after create returned, before start returned, and the container
 * process the hook finds at state.pid is already the user program (our sh
 * script, or the sleep it execs), not the runtime's init.
 */
export default defineCase({
  id: 'hooks.when.poststart',
  title: 'poststart hooks run after the user program started and before start returns',
  requirements: ['CFG-HOOKS-POSTSTART-WHEN', 'RT-HOOK-POSTSTART-INVOKED'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('poststart', rig.hook('poststart')), { until: 'start' });
    if (!ranBetween(ctx, 'CFG-HOOKS-POSTSTART-WHEN', r.log, 'poststart', 'created', 'started', 'after create returned and before start returned')) return;
    if (r.pid !== undefined) requireHostView(r.pid); // the hook read /proc/<state.pid> on the host: a sandbox's there
    const e = r.log[indexOf(r.log, 'poststart')];
    const proc = e?.type === 'hook' ? e.proc : '';
    ctx.expect('CFG-HOOKS-POSTSTART-WHEN', isUserProgram(proc), {
      message: 'when the poststart hook ran, the container process was not yet the user program',
      expected: 'cmdline of the user program (/bin/sh -c ..., or the sleep it execs)',
      actual: proc,
    });
  },
});
