import { defineCase, HOLD, namespaceId, sameNamespace, startHeld } from '../../case.js';
import { NS_INFO, withInherited } from '../../_lib/namespaces.js';

/** With no user entry the container stays in the user namespace of the runtime (ours, since we started the runtime). */
export default defineCase({
  id: 'linux.namespaces.inherit.user',
  title: 'without a user entry the container shares the user namespace of the runtime',
  requirements: ['LNX-NS-INHERIT'],
  needs: NS_INFO.user.needs.filter((n) => n !== 'userns'),
  config: (c) => withInherited(c, 'user').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const [host, mine] = await Promise.all([namespaceId('self', 'user'), namespaceId(pid, 'user')]);
    ctx.expectEqual('LNX-NS-INHERIT', 'user namespace of the container (/proc/<pid>/ns)', host.link, mine.link);
    ctx.expect('LNX-NS-INHERIT', sameNamespace(host, mine), { message: 'the user namespace inode differs from the one of the runtime', expected: host, actual: mine });
  },
});
