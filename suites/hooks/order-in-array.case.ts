import { defineCase } from '../case.js';
import { withHooks, hookOrder } from './_lib/rig.js';
import { runScenario } from './_lib/scenario.js';

/** Three hooks of each kind that exists since 1.0.0 (prestart, poststart, poststop) run in the order listed. */
export default defineCase({
  id: 'hooks.order.in-array',
  title: 'prestart, poststart and poststop hooks each run in their array order',
  requirements: ['CFG-HOOKS-ORDER'],
  run: async (ctx) => {
    const kinds = ['prestart', 'poststart', 'poststop'] as const;
    const r = await runScenario(ctx, (c, rig) => kinds.reduce((b, k) => withHooks(b, k, [1, 2, 3].map((i) => rig.hook(`${k}-${i}`))), c));
    const order = hookOrder(r.log);
    for (const k of kinds) {
      ctx.expectEqual('CFG-HOOKS-ORDER', `order of the ${k} hooks`, [`${k}-1`, `${k}-2`, `${k}-3`], order.filter((l) => l.startsWith(`${k}-`)));
    }
  },
});
