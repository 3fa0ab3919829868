import { defineCase, HOLD, namespaceId, NS_FILE, sameNamespace, startHeld } from '../../case.js';
import { NS_INFO, withJoined, withOwn } from '../../_lib/namespaces.js';
import { SUPPORT_REQS, holderOwnsNamespace, startOrUnsupported } from './_lib/support.js';

/**
 * A uts entry with a path joins that namespace. The namespace belongs to this
 * case: the first container creates it, the second names
 * /proc/<first pid>/ns/uts and must end up in it.
 */
export default defineCase({
  id: 'linux.namespaces.join.uts',
  title: 'a uts namespace entry with a path joins the namespace at that path',
  requirements: ['LNX-NS-PATH-JOIN'],
  also: [...SUPPORT_REQS],
  needs: NS_INFO.uts.needs,
  config: (c) => withOwn(c, 'uts').withScript(HOLD),
  run: async (ctx) => {
    const holder = await startOrUnsupported(ctx, ctx, 'uts', 'LNX-NS-PATH-JOIN');
    if (holder === undefined) return;
    await holderOwnsNamespace(ctx, holder, 'uts');
    const path = `/proc/${holder}/ns/${NS_FILE.uts}`;
    const joiner = await ctx.another('joiner', (c) => withJoined(c, 'uts', path).withScript(HOLD));
    const pid = await startHeld(joiner);
    const [want, got] = await Promise.all([namespaceId(holder, 'uts'), namespaceId(pid, 'uts')]);
    ctx.expect('LNX-NS-PATH-JOIN', sameNamespace(want, got), {
      message: `the container is not in the uts namespace of ${path}`,
      expected: want.link,
      actual: got.link,
    });
  },
});
