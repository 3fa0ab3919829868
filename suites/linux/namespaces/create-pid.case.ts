import { defineCase, HOLD, namespaceId, sameNamespace } from '../../case.js';
import { NS_INFO, withOwn } from '../../_lib/namespaces.js';
import { SUPPORT_REQS, startOrUnsupported } from './_lib/support.js';

/** A pid entry without a path gives the container a new pid namespace: /proc/<pid>/ns differs from ours. */
export default defineCase({
  id: 'linux.namespaces.create.pid',
  title: 'a pid namespace entry without path creates a new pid namespace',
  requirements: ['LNX-NS-CREATE'],
  also: [...SUPPORT_REQS],
  needs: NS_INFO.pid.needs,
  config: (c) => withOwn(c, 'pid').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startOrUnsupported(ctx, ctx, 'pid', 'LNX-NS-CREATE');
    if (pid === undefined) return;
    const [host, mine] = await Promise.all([namespaceId('self', 'pid'), namespaceId(pid, 'pid')]);
    ctx.expect('LNX-NS-CREATE', !sameNamespace(host, mine), {
      message: 'the container is still in the pid namespace of the runtime, not a new one',
      expected: `not ${host.link}`,
      actual: mine.link,
    });
  },
});
