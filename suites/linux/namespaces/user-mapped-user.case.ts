import { defineCase, HOLD, readStatus } from '../../case.js';
import { mappedHostId, USERNS_GID_MAPS, USERNS_UID_MAPS } from '../../_lib/namespaces.js';
import { startOrRefusedBeyondType, SUPPORT_REQS } from './_lib/support.js';

/**
 * process.user ids are ids in the container's user namespace: uid 1000 inside
 * is host uid 101000 under the mapping 1 -> 100001, and `id` inside says 1000.
 */
export default defineCase({
  id: 'linux.namespaces.user.process-ids-mapped',
  title: 'process.user ids are taken inside the user namespace and mapped to host ids',
  requirements: ['LNX-IDMAP-APPLIED', 'CFG-USER-UID-APPLIED'],
  also: [...SUPPORT_REQS, 'LNX-NS-CREATE'],
  // maps host ids other than our own (host root, 100001 up): only root may write such mappings
  needs: ['root', 'userns'],
  config: (c) =>
    c
      .withNamespace('user')
      .withUidMappings(...USERNS_UID_MAPS)
      .withGidMappings(...USERNS_GID_MAPS)
      .withUser({ uid: 1000, gid: 1000 })
      .withScript(`id -u; id -g; ${HOLD}`),
  run: async (ctx) => {
    const pid = await startOrRefusedBeyondType(ctx, 'user', 'LNX-IDMAP-APPLIED', 'a user namespace with these id mappings');
    if (pid === undefined) return;
    const s = await readStatus(pid);
    ctx.expectEqual('LNX-IDMAP-APPLIED', 'host uid of the process', mappedHostId(1000), s.uid.effective);
    ctx.expectEqual('LNX-IDMAP-APPLIED', 'host gid of the process', mappedHostId(1000), s.gid.effective);
    ctx.expectEqual('CFG-USER-UID-APPLIED', '`id -u; id -g` inside', '1000\n1000\nready\n', await ctx.readStdout());
  },
});
