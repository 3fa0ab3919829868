import { defineCase, namespaceId, sameNamespace } from '../../case.js';
import { pidAlive, startUp, UP } from '../../_lib/lifecycle.js';

/**
 * A second container joins the first one's network namespace by path. Deleting
 * the second must leave that namespace (which it did not create) alone: the
 * first container keeps running in the same network namespace.
 */
export default defineCase({
  id: 'lifecycle.ops.delete.foreign-namespace',
  title: 'delete leaves a joined namespace, created by another container, in place',
  requirements: ['RT-DELETE-FOREIGN-RESOURCES-KEPT'],
  // joins another container's pid namespace: privilege over the user namespace owning it
  needs: ['root'],
  config: (c) => c.withScript(UP),
  run: async (ctx) => {
    await startUp(ctx);
    const pid = await ctx.pid();
    const netBefore = await namespaceId(pid, 'network');
    const joiner = await ctx.another('join', (c) => c.withNamespace('network', `/proc/${pid}/ns/net`).withScript('echo joined'));
    await joiner.runToExit();
    await joiner.delete();
    ctx.expect('RT-DELETE-FOREIGN-RESOURCES-KEPT', await pidAlive(pid), { message: `the first container's process ${pid} is gone after the joining container was deleted` });
    const s = await ctx.state();
    ctx.expectEqual('RT-DELETE-FOREIGN-RESOURCES-KEPT', 'state.status of the first container', 'running', s.status);
    const netAfter = await namespaceId(pid, 'network').catch(() => undefined);
    ctx.expect('RT-DELETE-FOREIGN-RESOURCES-KEPT', netAfter !== undefined && sameNamespace(netBefore, netAfter), {
      message: 'the first container is no longer in its network namespace after the joining container was deleted',
      expected: netBefore.link,
      actual: netAfter?.link,
    });
  },
});
