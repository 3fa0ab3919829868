import { defineCase } from '../case.js';
import { runScenario } from './_lib/scenario.js';
import { expectHookNs, nsLinks, type NsLinks } from './_lib/namespaces.js';
import { indexOf } from './_lib/rig.js';

/**
 * startContainer hooks are found AND run in the container namespace: the
 * path /oci-hooks/busybox exists only inside the container (a bind mount of
 * the case directory), and the hook sees the container's mount and pid namespaces.
 */
export default defineCase({
  id: 'hooks.namespace.start-container',
  title: 'startContainer hooks run in the container namespace, found by a path inside the container',
  requirements: ['CFG-HOOKS-STARTCONTAINER-RUN-NAMESPACE', 'CFG-HOOKS-STARTCONTAINER-PATH-NAMESPACE'],
  run: async (ctx) => {
    let container: NsLinks | undefined;
    const r = await runScenario(ctx, (c, rig) => c.withHook('startContainer', rig.hook('startContainer', { inContainer: true })), {
      until: 'start',
      afterCreate: async (h) => void (container = await nsLinks(await h.pid())),
    });
    if (!ctx.expect('CFG-HOOKS-STARTCONTAINER-PATH-NAMESPACE', indexOf(r.log, 'startContainer') >= 0, { message: 'the startContainer hook at the in-container path /oci-hooks/busybox never ran' })) return;
    if (container) expectHookNs(ctx, 'CFG-HOOKS-STARTCONTAINER-RUN-NAMESPACE', r.log, 'startContainer', container, "the container process's");
  },
});
