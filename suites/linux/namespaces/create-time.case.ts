import { defineCase, HOLD, namespaceId, sameNamespace } from '../../case.js';
import { NS_INFO, withOwn } from '../../_lib/namespaces.js';
import { SUPPORT_REQS, startOrUnsupported } from './_lib/support.js';

/** A time entry without a path gives the container a new time namespace: /proc/<pid>/ns differs from ours. */
export default defineCase({
  id: 'linux.namespaces.create.time',
  title: 'a time namespace entry without path creates a new time namespace',
  requirements: ['LNX-NS-CREATE', 'LNX-NS-TIME-TYPE'],
  also: [...SUPPORT_REQS],
  needs: NS_INFO.time.needs,
  config: (c) => withOwn(c, 'time').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startOrUnsupported(ctx, ctx, 'time', 'LNX-NS-CREATE');
    if (pid === undefined) return;
    const [host, mine] = await Promise.all([namespaceId('self', 'time'), namespaceId(pid, 'time')]);
    ctx.expect('LNX-NS-CREATE', !sameNamespace(host, mine), {
      message: 'the container is still in the time namespace of the runtime, not a new one',
      expected: `not ${host.link}`,
      actual: mine.link,
    });
  },
});
