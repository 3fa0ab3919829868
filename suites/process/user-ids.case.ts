import { defineCase, HOLD, readStatus, startHeld } from '../case.js';

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
    const s = await readStatus(await startHeld(ctx));
    ctx.expectEqual('CFG-USER-UID-APPLIED', 'Uid line of /proc/<pid>/status', { real: 4242, effective: 4242, saved: 4242, fs: 4242 }, s.uid);
    ctx.expectEqual('CFG-USER-GID-APPLIED', 'Gid line of /proc/<pid>/status', { real: 4343, effective: 4343, saved: 4343, fs: 4343 }, s.gid);
  },
});
