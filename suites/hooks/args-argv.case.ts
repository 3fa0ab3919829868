import { defineCase } from '../case.js';
import { indexOf } from './_lib/rig.js';
import { outcomeOf } from './_lib/checks.js';
import { runScenario } from './_lib/scenario.js';

/**
 * `args` is the hook's whole argv, argv[0] included (execv semantics): the
 * hook is busybox with args[0] 'sh', so it runs at all only when args[0]
 * reaches it as argv[0] or the path is put in front; its /proc/self/cmdline
 * must start with 'sh', and the later args arrive as $1.. in order.
 */
export default defineCase({
  id: 'hooks.args.argv',
  title: "a hook's args are its argv, args[0] included",
  requirements: ['CFG-HOOK-ARGS-PASSED', 'RT-HOOK-POSTSTOP-INVOKED'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('poststop', rig.hook('poststop')));
    const e = r.log[indexOf(r.log, 'poststop')];
    if (!ctx.expect('RT-HOOK-POSTSTOP-INVOKED', e?.type === 'hook', { message: `the poststop hook did not run (${outcomeOf(r)})` })) return;
    if (e?.type !== 'hook') return;
    ctx.expectEqual('CFG-HOOK-ARGS-PASSED', 'argv[0] of the hook', 'sh', e.argv0);
    ctx.expectEqual('CFG-HOOK-ARGS-PASSED', 'arguments after the script ($1..$4)', `${r.rig.dir} poststop 0 0`, e.args);
  },
});
