import { defineCase, HOLD, namespaceId, sameNamespace, startHeld } from '../../case.js';
import { NS_INFO, withInherited } from '../../_lib/namespaces.js';

/** With no time entry the container stays in the time namespace of the runtime (ours, since we started the runtime). */
export default defineCase({
  id: 'linux.namespaces.inherit.time',
  title: 'without a time entry the container shares the time namespace of the runtime',
  requirements: ['LNX-NS-INHERIT', 'LNX-NS-TIME-TYPE'],
  needs: NS_INFO.time.needs.filter((n) => n !== 'userns'),
  config: (c) => withInherited(c, 'time').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const [host, mine] = await Promise.all([namespaceId('self', 'time'), namespaceId(pid, 'time')]);
    ctx.expectEqual('LNX-NS-INHERIT', 'time namespace of the container (/proc/<pid>/ns)', host.link, mine.link);
    ctx.expect('LNX-NS-INHERIT', sameNamespace(host, mine), { message: 'the time namespace inode differs from the one of the runtime', expected: host, actual: mine });
  },
});
