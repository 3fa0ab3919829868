import { defineCase, HOLD, namespaceId, sameNamespace, startHeld } from '../../case.js';
import { NS_INFO, withInherited } from '../../_lib/namespaces.js';

/** With no uts entry the container stays in the uts namespace of the runtime (ours, since we started the runtime). */
export default defineCase({
  id: 'linux.namespaces.inherit.uts',
  title: 'without a uts entry the container shares the uts namespace of the runtime',
  requirements: ['LNX-NS-INHERIT'],
  needs: NS_INFO.uts.needs.filter((n) => n !== 'userns'),
  config: (c) => withInherited(c, 'uts').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const [host, mine] = await Promise.all([namespaceId('self', 'uts'), namespaceId(pid, 'uts')]);
    ctx.expectEqual('LNX-NS-INHERIT', 'uts namespace of the container (/proc/<pid>/ns)', host.link, mine.link);
    ctx.expect('LNX-NS-INHERIT', sameNamespace(host, mine), { message: 'the uts namespace inode differs from the one of the runtime', expected: host, actual: mine });
  },
});
