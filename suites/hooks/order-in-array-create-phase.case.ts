import { defineCase } from '../case.js';
import { withHooks, hookOrder } from './_lib/rig.js';
import { runScenario } from './_lib/scenario.js';

/** Three createRuntime, createContainer and startContainer hooks each run in the order listed. */
export default defineCase({
  id: 'hooks.order.in-array-create-phase',
  title: 'createRuntime, createContainer and startContainer hooks each run in their array order',
  requirements: ['CFG-HOOKS-ORDER', 'RT-HOOK-CREATERUNTIME-INVOKED'],
  run: async (ctx) => {
    const kinds = ['createRuntime', 'createContainer', 'startContainer'] as const;
    const r = await runScenario(
      ctx,
      (c, rig) => kinds.reduce((b, k) => withHooks(b, k, [1, 2, 3].map((i) => rig.hook(`${k}-${i}`, { inContainer: k === 'startContainer' }))), c),
      { until: 'start' },
    );
    const order = hookOrder(r.log);
    for (const k of kinds) {
      ctx.expectEqual('CFG-HOOKS-ORDER', `order of the ${k} hooks`, [`${k}-1`, `${k}-2`, `${k}-3`], order.filter((l) => l.startsWith(`${k}-`)));
    }
  },
});
