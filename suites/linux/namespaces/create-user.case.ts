import { defineCase, HOLD, namespaceId, sameNamespace } from '../../case.js';
import { NS_INFO, withOwn } from '../../_lib/namespaces.js';
import { SUPPORT_REQS, startOrUnsupported } from './_lib/support.js';

/** A user entry without a path gives the container a new user namespace: /proc/<pid>/ns differs from ours. */
export default defineCase({
  id: 'linux.namespaces.create.user',
  title: 'a user namespace entry without path creates a new user namespace',
  requirements: ['LNX-NS-CREATE'],
  also: [...SUPPORT_REQS],
  needs: NS_INFO.user.needs,
  config: (c) => withOwn(c, 'user').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startOrUnsupported(ctx, ctx, 'user', 'LNX-NS-CREATE');
    if (pid === undefined) return;
    const [host, mine] = await Promise.all([namespaceId('self', 'user'), namespaceId(pid, 'user')]);
    ctx.expect('LNX-NS-CREATE', !sameNamespace(host, mine), {
      message: 'the container is still in the user namespace of the runtime, not a new one',
      expected: `not ${host.link}`,
      actual: mine.link,
    });
  },
});
