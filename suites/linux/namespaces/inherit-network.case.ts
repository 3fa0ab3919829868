import { defineCase, HOLD, namespaceId, sameNamespace, startHeld } from '../../case.js';
import { NS_INFO, withInherited } from '../../_lib/namespaces.js';

/** With no network entry the container stays in the network namespace of the runtime (ours, since we started the runtime). */
export default defineCase({
  id: 'linux.namespaces.inherit.network',
  title: 'without a network entry the container shares the network namespace of the runtime',
  requirements: ['LNX-NS-INHERIT'],
  needs: NS_INFO.network.needs.filter((n) => n !== 'userns'),
  config: (c) => withInherited(c, 'network').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const [host, mine] = await Promise.all([namespaceId('self', 'network'), namespaceId(pid, 'network')]);
    ctx.expectEqual('LNX-NS-INHERIT', 'network namespace of the container (/proc/<pid>/ns)', host.link, mine.link);
    ctx.expect('LNX-NS-INHERIT', sameNamespace(host, mine), { message: 'the network namespace inode differs from the one of the runtime', expected: host, actual: mine });
  },
});
