import { defineCase } from '../case.js';
import { runScenario } from './_lib/scenario.js';
import { expectHookNs, nsLinks, type NsLinks } from './_lib/namespaces.js';

/**
 * createContainer hooks run in the container namespace (the container
 * process's mount and pid namespaces), although their path is looked up in
 * the runtime namespace: it is a host path that does not exist inside.
 */
export default defineCase({
  id: 'hooks.namespace.create-container',
  title: 'createContainer hooks run in the container namespace, found by a host path',
  requirements: ['CFG-HOOKS-CREATECONTAINER-RUN-NAMESPACE', 'CFG-HOOKS-CREATECONTAINER-PATH-NAMESPACE'],
  run: async (ctx) => {
    let container: NsLinks | undefined;
    const r = await runScenario(ctx, (c, rig) => c.withHook('createContainer', rig.hook('createContainer')), {
      until: 'create',
      afterCreate: async (h) => void (container = await nsLinks(await h.pid())),
    });
    if (!ctx.expect('CFG-HOOKS-CREATECONTAINER-PATH-NAMESPACE', r.failedAt === undefined && container !== undefined, { message: `create failed with a createContainer hook at a host path: ${r.createError}` })) return;
    expectHookNs(ctx, 'CFG-HOOKS-CREATECONTAINER-RUN-NAMESPACE', r.log, 'createContainer', container!, "the container process's");
  },
});
