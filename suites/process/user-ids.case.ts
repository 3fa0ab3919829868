import { defineCase, HOLD, hostIds, readStatus, startHeld } from '../case.js';

/**
 * process.user.uid and gid become the real, effective, saved and filesystem
 * ids of the process. The ids are in no /etc/passwd or /etc/group entry of
 * the rootfs, so no name lookup can stand in for them.
 */
export default defineCase({
  id: 'process.user.ids',
  title: 'the process runs with process.user.uid and gid (all four id kinds)',
  requirements: ['CFG-USER-UID-APPLIED', 'CFG-USER-GID-APPLIED'],
  // the process runs as a uid other than 0, which must exist in the container
  needs: ['mapped-ids'],
  config: (c) => c.withUser({ uid: 4242, gid: 4343 }).withScript(HOLD),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const s = await readStatus(pid);
    // The ids are the container's: the host sees them through the container's user namespace, if it has one.
    const [uid] = await hostIds(pid, 'uid', [4242]);
    const [gid] = await hostIds(pid, 'gid', [4343]);
    ctx.expectEqual('CFG-USER-UID-APPLIED', 'Uid line of /proc/<pid>/status (container uid 4242 as the host sees it)', { real: uid, effective: uid, saved: uid, fs: uid }, s.uid);
    ctx.expectEqual('CFG-USER-GID-APPLIED', 'Gid line of /proc/<pid>/status (container gid 4343 as the host sees it)', { real: gid, effective: gid, saved: gid, fs: gid }, s.gid);
  },
});
