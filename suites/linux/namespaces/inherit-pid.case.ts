import { defineCase, HOLD, namespaceId, sameNamespace, startHeld } from '../../case.js';
import { NS_INFO, withInherited } from '../../_lib/namespaces.js';

/** With no pid entry the container stays in the pid namespace of the runtime (ours, since we started the runtime). */
export default defineCase({
  id: 'linux.namespaces.inherit.pid',
  title: 'without a pid entry the container shares the pid namespace of the runtime',
  requirements: ['LNX-NS-INHERIT'],
  needs: NS_INFO.pid.needs.filter((n) => n !== 'userns'),
  config: (c) => withInherited(c, 'pid').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const [host, mine] = await Promise.all([namespaceId('self', 'pid'), namespaceId(pid, 'pid')]);
    ctx.expectEqual('LNX-NS-INHERIT', 'pid namespace of the container (/proc/<pid>/ns)', host.link, mine.link);
    ctx.expect('LNX-NS-INHERIT', sameNamespace(host, mine), { message: 'the pid namespace inode differs from the one of the runtime', expected: host, actual: mine });
  },
});
