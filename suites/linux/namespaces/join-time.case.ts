import { defineCase, HOLD, namespaceId, NS_FILE, sameNamespace, startHeld } from '../../case.js';
import { NS_INFO, withJoined, withOwn } from '../../_lib/namespaces.js';
import { SUPPORT_REQS, holderOwnsNamespace, startOrUnsupported } from './_lib/support.js';

/**
 * A time entry with a path joins that namespace. The namespace belongs to this
 * case: the first container creates it, the second names
 * /proc/<first pid>/ns/time and must end up in it.
 */
export default defineCase({
  id: 'linux.namespaces.join.time',
  title: 'a time namespace entry with a path joins the namespace at that path',
  requirements: ['LNX-NS-PATH-JOIN', 'LNX-NS-TIME-TYPE'],
  also: [...SUPPORT_REQS],
  needs: NS_INFO.time.needs,
  config: (c) => withOwn(c, 'time').withScript(HOLD),
  run: async (ctx) => {
    const holder = await startOrUnsupported(ctx, ctx, 'time', 'LNX-NS-PATH-JOIN');
    if (holder === undefined) return;
    await holderOwnsNamespace(ctx, holder, 'time');
    const path = `/proc/${holder}/ns/${NS_FILE.time}`;
    const joiner = await ctx.another('joiner', (c) => withJoined(c, 'time', path).withScript(HOLD));
    const pid = await startHeld(joiner);
    const [want, got] = await Promise.all([namespaceId(holder, 'time'), namespaceId(pid, 'time')]);
    ctx.expect('LNX-NS-PATH-JOIN', sameNamespace(want, got), {
      message: `the container is not in the time namespace of ${path}`,
      expected: want.link,
      actual: got.link,
    });
  },
});
