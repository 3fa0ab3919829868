import { defineCase, HOLD, namespaceId, sameNamespace } from '../../case.js';
import { NS_INFO, withOwn } from '../../_lib/namespaces.js';
import { SUPPORT_REQS, startOrUnsupported } from './_lib/support.js';

/** A ipc entry without a path gives the container a new ipc namespace: /proc/<pid>/ns differs from ours. */
export default defineCase({
  id: 'linux.namespaces.create.ipc',
  title: 'a ipc namespace entry without path creates a new ipc namespace',
  requirements: ['LNX-NS-CREATE'],
  also: [...SUPPORT_REQS],
  needs: NS_INFO.ipc.needs,
  config: (c) => withOwn(c, 'ipc').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startOrUnsupported(ctx, ctx, 'ipc', 'LNX-NS-CREATE');
    if (pid === undefined) return;
    const [host, mine] = await Promise.all([namespaceId('self', 'ipc'), namespaceId(pid, 'ipc')]);
    ctx.expect('LNX-NS-CREATE', !sameNamespace(host, mine), {
      message: 'the container is still in the ipc namespace of the runtime, not a new one',
      expected: `not ${host.link}`,
      actual: mine.link,
    });
  },
});
