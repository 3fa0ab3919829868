import { defineCase } from '../case.js';
import { hookOrder } from './_lib/rig.js';
import { runScenario } from './_lib/scenario.js';

/**
 * One hook of every kind: they run prestart, createRuntime, createContainer,
 * startContainer, poststart, poststop, in that order (the 1.1.0 text orders
 * prestart before createRuntime and createRuntime before createContainer;
 * the rest follows from the lifecycle steps).
 */
export default defineCase({
  id: 'hooks.order.between-kinds',
  title: 'hooks of the six kinds run in lifecycle order',
  requirements: ['CFG-HOOKS-PRESTART-BEFORE-CREATERUNTIME', 'CFG-HOOKS-CREATECONTAINER-AFTER-CREATERUNTIME', 'CFG-HOOKS-STARTCONTAINER-WHEN', 'CFG-HOOKS-POSTSTART-WHEN'],
  run: async (ctx) => {
    const kinds = ['prestart', 'createRuntime', 'createContainer', 'startContainer', 'poststart', 'poststop'] as const;
    const r = await runScenario(ctx, (c, rig) => kinds.reduce((b, k) => b.withHook(k, rig.hook(k, { inContainer: k === 'startContainer' })), c));
    const order = hookOrder(r.log);
    const pos = (k: string): number => order.indexOf(k);
    ctx.expect('CFG-HOOKS-PRESTART-BEFORE-CREATERUNTIME', pos('prestart') >= 0 && pos('prestart') < pos('createRuntime'), { message: 'prestart did not run before createRuntime', expected: kinds, actual: order });
    ctx.expect('CFG-HOOKS-CREATECONTAINER-AFTER-CREATERUNTIME', pos('createRuntime') >= 0 && pos('createRuntime') < pos('createContainer'), { message: 'createContainer did not run after createRuntime', expected: kinds, actual: order });
    ctx.expect('CFG-HOOKS-STARTCONTAINER-WHEN', pos('createContainer') >= 0 && pos('createContainer') < pos('startContainer'), { message: 'startContainer did not run after the create-phase hooks', expected: kinds, actual: order });
    ctx.expect('CFG-HOOKS-POSTSTART-WHEN', pos('startContainer') >= 0 && pos('startContainer') < pos('poststart') && pos('poststart') < pos('poststop'), { message: 'poststart did not run between startContainer and poststop', expected: kinds, actual: order });
  },
});
