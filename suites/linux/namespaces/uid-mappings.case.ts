import { defineCase, HOLD, readStatus } from '../../case.js';
import { startOrRefusedBeyondType, SUPPORT_REQS } from './_lib/support.js';
import { readIdMap } from './_lib/idmap.js';

// Container root stays host root so it can reach the bundle (see _lib/types.ts); the other ranges differ per kind.
const UIDS = [
  { containerID: 0, hostID: 0, size: 1 },
  { containerID: 1, hostID: 100001, size: 999 },
  { containerID: 1000, hostID: 300000, size: 64536 },
];
const GIDS = [
  { containerID: 0, hostID: 0, size: 1 },
  { containerID: 1, hostID: 200001, size: 65535 },
];

/**
 * linux.uidMappings (two ranges) and gidMappings are the user namespace's
 * uid_map and gid_map, and a container user (1000) runs as the host ids its ranges map it to.
 */
export default defineCase({
  id: 'linux.namespaces.user.mappings',
  title: 'uidMappings and gidMappings become the uid_map and gid_map of the user namespace',
  requirements: ['LNX-IDMAP-APPLIED', 'LNX-NS-CREATE'],
  also: [...SUPPORT_REQS],
  // maps host ids other than our own (host root, 100001 up): only root may write such mappings
  needs: ['root', 'userns'],
  config: (c) =>
    c
      .withNamespace('user')
      .withUidMappings(...UIDS)
      .withGidMappings(...GIDS)
      .withUser({ uid: 1000, gid: 1000 })
      .withScript(HOLD),
  run: async (ctx) => {
    const pid = await startOrRefusedBeyondType(ctx, 'user', 'LNX-IDMAP-APPLIED', 'a user namespace with these id mappings');
    if (pid === undefined) return;
    ctx.expectEqual('LNX-IDMAP-APPLIED', '/proc/<pid>/uid_map', UIDS, await readIdMap(pid, 'uid_map'));
    ctx.expectEqual('LNX-IDMAP-APPLIED', '/proc/<pid>/gid_map', GIDS, await readIdMap(pid, 'gid_map'));
    const s = await readStatus(pid);
    ctx.expectEqual('LNX-IDMAP-APPLIED', 'host uid of container uid 1000 (status Uid, real)', 300000, s.uid.real);
    ctx.expectEqual('LNX-IDMAP-APPLIED', 'host gid of container gid 1000 (status Gid, real)', 200000 + 1000, s.gid.real);
  },
});
