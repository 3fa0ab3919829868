import { defineCase, HOLD, namespaceId, sameNamespace, startHeld } from '../../case.js';
import { withOwn } from '../../_lib/namespaces.js';
import { SUPPORT_REQS, holderOwnsNamespace, startOrUnsupported } from './_lib/support.js';

/**
 * Joining a user namespace by path needs no uidMappings/gidMappings in the
 * config (they are optional, and the joined namespace has its mappings
 * already): the container must join it all the same.
 */
export default defineCase({
  id: 'linux.namespaces.join.user-no-mappings',
  title: 'a user namespace path without id mappings in the config is joined',
  requirements: ['LNX-NS-PATH-JOIN'],
  also: [...SUPPORT_REQS],
  // maps host ids other than our own (host root, 100001 up): only root may write such mappings
  needs: ['root', 'userns'],
  config: (c) => withOwn(c, 'user').withScript(HOLD),
  run: async (ctx) => {
    const holder = await startOrUnsupported(ctx, ctx, 'user', 'LNX-NS-PATH-JOIN');
    if (holder === undefined) return;
    await holderOwnsNamespace(ctx, holder, 'user');
    const path = `/proc/${holder}/ns/user`;
    const joiner = await ctx.another('joiner', (c) => c.withNamespace('user', path).withScript(HOLD));
    const pid = await startHeld(joiner);
    const [want, got] = await Promise.all([namespaceId(holder, 'user'), namespaceId(pid, 'user')]);
    ctx.expect('LNX-NS-PATH-JOIN', sameNamespace(want, got), { message: `the container is not in the user namespace of ${path}`, expected: want.link, actual: got.link });
  },
});
