import { defineCase, HOLD, namespaceId, NS_FILE, sameNamespace, startHeld } from '../../case.js';
import { NS_INFO, withJoined, withOwn } from '../../_lib/namespaces.js';
import { SUPPORT_REQS, holderOwnsNamespace, startOrUnsupported } from './_lib/support.js';

/**
 * A network entry with a path joins that namespace. The namespace belongs to this
 * case: the first container creates it, the second names
 * /proc/<first pid>/ns/net and must end up in it.
 */
export default defineCase({
  id: 'linux.namespaces.join.network',
  title: 'a network namespace entry with a path joins the namespace at that path',
  requirements: ['LNX-NS-PATH-JOIN'],
  also: [...SUPPORT_REQS],
  needs: NS_INFO.network.needs,
  config: (c) => withOwn(c, 'network').withScript(HOLD),
  run: async (ctx) => {
    const holder = await startOrUnsupported(ctx, ctx, 'network', 'LNX-NS-PATH-JOIN');
    if (holder === undefined) return;
    await holderOwnsNamespace(ctx, holder, 'network');
    const path = `/proc/${holder}/ns/${NS_FILE.network}`;
    const joiner = await ctx.another('joiner', (c) => withJoined(c, 'network', path).withScript(HOLD));
    const pid = await startHeld(joiner);
    const [want, got] = await Promise.all([namespaceId(holder, 'network'), namespaceId(pid, 'network')]);
    ctx.expect('LNX-NS-PATH-JOIN', sameNamespace(want, got), {
      message: `the container is not in the network namespace of ${path}`,
      expected: want.link,
      actual: got.link,
    });
  },
});
