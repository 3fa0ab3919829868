import { defineCase, HOLD, namespaceId, sameNamespace, startHeld } from '../../case.js';
import { NS_INFO, withInherited } from '../../_lib/namespaces.js';

/** With no ipc entry the container stays in the ipc namespace of the runtime (ours, since we started the runtime). */
export default defineCase({
  id: 'linux.namespaces.inherit.ipc',
  title: 'without a ipc entry the container shares the ipc namespace of the runtime',
  requirements: ['LNX-NS-INHERIT'],
  needs: NS_INFO.ipc.needs.filter((n) => n !== 'userns'),
  config: (c) => withInherited(c, 'ipc').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const [host, mine] = await Promise.all([namespaceId('self', 'ipc'), namespaceId(pid, 'ipc')]);
    ctx.expectEqual('LNX-NS-INHERIT', 'ipc namespace of the container (/proc/<pid>/ns)', host.link, mine.link);
    ctx.expect('LNX-NS-INHERIT', sameNamespace(host, mine), { message: 'the ipc namespace inode differs from the one of the runtime', expected: host, actual: mine });
  },
});
