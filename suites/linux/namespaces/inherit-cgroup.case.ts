import { defineCase, HOLD, namespaceId, sameNamespace, startHeld } from '../../case.js';
import { NS_INFO, withInherited } from '../../_lib/namespaces.js';

/** With no cgroup entry the container stays in the cgroup namespace of the runtime (ours, since we started the runtime). */
export default defineCase({
  id: 'linux.namespaces.inherit.cgroup',
  title: 'without a cgroup entry the container shares the cgroup namespace of the runtime',
  requirements: ['LNX-NS-INHERIT'],
  needs: NS_INFO.cgroup.needs.filter((n) => n !== 'userns'),
  config: (c) => withInherited(c, 'cgroup').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const [host, mine] = await Promise.all([namespaceId('self', 'cgroup'), namespaceId(pid, 'cgroup')]);
    ctx.expectEqual('LNX-NS-INHERIT', 'cgroup namespace of the container (/proc/<pid>/ns)', host.link, mine.link);
    ctx.expect('LNX-NS-INHERIT', sameNamespace(host, mine), { message: 'the cgroup namespace inode differs from the one of the runtime', expected: host, actual: mine });
  },
});
