import { defineCase } from '../case.js';
import { runScenario } from './_lib/scenario.js';
import { expectHookNs, nsLinks } from './_lib/namespaces.js';

/**
 * prestart, createRuntime, poststart and poststop hooks run in the runtime
 * namespace: the mount and pid namespaces of the runtime (ours). Their path is
 * a copy of busybox in the case directory, which exists only on the host side.
 */
export default defineCase({
  id: 'hooks.namespace.runtime-hooks',
  title: 'prestart, createRuntime, poststart and poststop hooks run in the runtime namespace, found by host paths',
  requirements: [
    'CFG-HOOKS-CREATERUNTIME-RUN-NAMESPACE',
    'CFG-HOOKS-PRESTART-RUN-NAMESPACE',
    'CFG-HOOKS-POSTSTART-RUN-NAMESPACE',
    'CFG-HOOKS-POSTSTOP-RUN-NAMESPACE',
    'CFG-HOOKS-CREATERUNTIME-PATH-NAMESPACE',
    'CFG-HOOKS-PRESTART-PATH-NAMESPACE',
    'CFG-HOOKS-POSTSTART-PATH-NAMESPACE',
    'CFG-HOOKS-POSTSTOP-PATH-NAMESPACE',
  ],
  run: async (ctx) => {
    const ours = await nsLinks('self');
    const r = await runScenario(ctx, (c, rig) =>
      c
        .withHook('prestart', rig.hook('prestart'))
        .withHook('createRuntime', rig.hook('createRuntime'))
        .withHook('poststart', rig.hook('poststart'))
        .withHook('poststop', rig.hook('poststop')),
    );
    expectHookNs(ctx, 'CFG-HOOKS-PRESTART-RUN-NAMESPACE', r.log, 'prestart', ours, 'the runtime namespace');
    expectHookNs(ctx, 'CFG-HOOKS-CREATERUNTIME-RUN-NAMESPACE', r.log, 'createRuntime', ours, 'the runtime namespace');
    expectHookNs(ctx, 'CFG-HOOKS-POSTSTART-RUN-NAMESPACE', r.log, 'poststart', ours, 'the runtime namespace');
    expectHookNs(ctx, 'CFG-HOOKS-POSTSTOP-RUN-NAMESPACE', r.log, 'poststop', ours, 'the runtime namespace');
  },
});
