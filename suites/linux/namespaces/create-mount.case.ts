import { defineCase, HOLD, namespaceId, sameNamespace } from '../../case.js';
import { NS_INFO, withOwn } from '../../_lib/namespaces.js';
import { SUPPORT_REQS, startOrUnsupported } from './_lib/support.js';

/** A mount entry without a path gives the container a new mount namespace: /proc/<pid>/ns differs from ours. */
export default defineCase({
  id: 'linux.namespaces.create.mount',
  title: 'a mount namespace entry without path creates a new mount namespace',
  requirements: ['LNX-NS-CREATE'],
  also: [...SUPPORT_REQS],
  needs: NS_INFO.mount.needs,
  config: (c) => withOwn(c, 'mount').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startOrUnsupported(ctx, ctx, 'mount', 'LNX-NS-CREATE');
    if (pid === undefined) return;
    const [host, mine] = await Promise.all([namespaceId('self', 'mount'), namespaceId(pid, 'mount')]);
    ctx.expect('LNX-NS-CREATE', !sameNamespace(host, mine), {
      message: 'the container is still in the mount namespace of the runtime, not a new one',
      expected: `not ${host.link}`,
      actual: mine.link,
    });
  },
});
